# Seed 000's XOR network, exactly as the tutorial prints it (only the indentation, lost in the
# printed page, is restored). Its main() asks for input in a loop, so time_seeds.py imports the
# class and times nn.train(epoch=5000) as main() calls it.
import numpy as np

class XORNeuralNetwork:
    def __init__(self, inputs, expected_output):
        # Number of layers and neurons per layers
        self.input_layer_neurons = 2
        self.hidden_layer_neurons = 2
        self.output_layer_neurons = 1

        # Random weights and biases
        self.hidden_weight = np.random.rand(self.input_layer_neurons, self.hidden_layer_neurons)
        self.hidden_bias = np.random.rand(1, self.hidden_layer_neurons)
        self.output_weight = np.random.rand(self.hidden_layer_neurons, self.output_layer_neurons)
        self.output_bias = np.random.rand(1, self.output_layer_neurons)

        # Outputs from activation function
        self.hidden_layer_activation = None
        self.hidden_layer_output = None
        self.output_layer_activation = None
        self.predicted_output = None

        # Inputs and expected output
        self.input_vector = inputs
        self.expected_output = expected_output

    # Activation function and its derivative
    @staticmethod
    def sigmoid(x):
        return 1 / (1 + np.exp(-x))

    @staticmethod
    def sigmoid_derivative(x):
        return x * (1 - x)

    # Forward propagation
    def feedforward(self):
        # Forward pass for hidden layer
        self.hidden_layer_activation = np.dot(self.input_vector, self.hidden_weight)
        self.hidden_layer_activation += self.hidden_bias
        self.hidden_layer_output = self.sigmoid(self.hidden_layer_activation)

        # Forward pass for output layer
        self.output_layer_activation = np.dot(self.hidden_layer_output, self.output_weight)
        self.output_layer_activation += self.output_bias
        self.predicted_output = self.sigmoid(self.output_layer_activation)

    # Backward propagation
    def backpropagation(self):
        # Gradient descent of predicted output
        error_predicted_output = (self.expected_output - self.predicted_output)
        d_predicted_output = error_predicted_output * self.sigmoid_derivative(self.predicted_output)

        # Gradient descent of hidden layer
        error_hidden_layer = d_predicted_output.dot(self.output_weight.T)
        d_hidden_layer = error_hidden_layer * self.sigmoid_derivative(self.hidden_layer_output)

        # Update weights and biases of network
        self.output_weight += self.hidden_layer_output.T.dot(d_predicted_output)
        self.output_bias += np.sum(d_predicted_output, axis=0, keepdims=True)
        self.hidden_weight += self.input_vector.T.dot(d_hidden_layer)
        self.hidden_bias += np.sum(d_hidden_layer, axis=0, keepdims=True)

        return error_predicted_output

    def train(self, epoch=500):
        for i in range(epoch):
            progress = (i + 1) * 100 / epoch
            print(f"{int(progress)}% trained\r", end="")
            self.feedforward()
            self.backpropagation()
        print("")

    def predict(self, data):
        # Forward pass for hidden layer
        self.hidden_layer_activation = np.dot(data, self.hidden_weight)
        self.hidden_layer_activation += self.hidden_bias
        self.hidden_layer_output = self.sigmoid(self.hidden_layer_activation)

        # Forward pass for output layer
        self.output_layer_activation = np.dot(self.hidden_layer_output, self.output_weight)
        self.output_layer_activation += self.output_bias
        self.predicted_output = self.sigmoid(self.output_layer_activation)
        return self.predicted_output

def main():
    truth_table = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    expected_output = np.array([[0, 1, 1, 0]]).T
    nn = XORNeuralNetwork(truth_table, expected_output)

    # Train the network
    nn.train(epoch=5000)

    try:
        while True:
            # Ask user for two values
            x = int(input("Enter x: "))
            y = int(input("Enter y: "))
            input_vector = np.array([[x, y]])
            # predict XOR of x_1 and x_2 using neural network
            prediction = nn.predict(input_vector)
            print(f"({x} ^ {y}) = {prediction[0][0]}")
    except (KeyboardInterrupt, ValueError):
        print("Bye")
        exit(0)

if __name__ == "__main__":
    main()
