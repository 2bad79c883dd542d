package lab.command;

import org.bsb.api.command.BsbCommand;
import org.bsb.api.command.CommandContext;
import org.bsb.api.command.CommandFailure;
import org.osgi.service.component.annotations.Component;

/**
 * {@code bsb hello [NAME...]}: greets, and shows where it runs. {@code bsb hello --fail N} exits with status N,
 * explained on standard error, as a command's failure should be.
 */
@Component(service = BsbCommand.class)
public class HelloCommand implements BsbCommand {
    @Override
    public String name() {
        return "hello";
    }

    @Override
    public String summary() {
        return "Greet (a lab's command, added by its own bundle).";
    }

    @Override
    public int run(CommandContext context, String... args) {
        if (args.length == 2 && args[0].equals("--fail")) {
            throw new CommandFailure(Integer.parseInt(args[1]), "bsb hello: failing as asked");
        }
        context.out()
                .println("hello, " + (args.length == 0 ? "world" : String.join(" ", args)) + " (from "
                        + context.workingDirectory() + ")");
        return 0;
    }
}
