package lab.backprop.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** completion: prints a bash (and zsh) completion script for every command and option, made by picocli from them. */
@Command(name = "completion", description = "Print a bash/zsh completion script: source <(java -jar backprop-lab.jar completion)")
final class CompletionCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        CommandLine top = spec.commandLine().getParent();
        spec.commandLine().getOut().print(AutoComplete.bash("backprop-lab", top));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
