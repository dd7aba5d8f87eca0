package com.example.chat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start as it is printed there: the application and its controller, and the Java and JavaScript
 * clients, each run as a user runs it (its own process, which must end on its own) against the application on a
 * random port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class QuickStartTests {

	private static final Path JS = Path.of("src", "test", "js");

	@LocalServerPort
	private int port;

	@Test
	void javaClientGetsItsReceiptAndEnds() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String output = run(new File("."), java, "-cp", System.getProperty("java.class.path"),
				ChatClient.class.getName(), url());
		assertThat(output).containsPattern("acknowledged: \\{\"id\":\"[0-9a-f-]{36}\",\"timestamp\":\\d+}");
	}

	@Test
	void javaScriptClientSeesTheMessageOfTheOtherAndEnds() throws Exception {
		assertThat(JS.resolve("node_modules/socket.io-client"))
			.as("socket.io-client installed by the build's npm ci in %s", JS.toAbsolutePath())
			.isDirectory();
		String output = run(JS.toFile(), "node", "quickstart.mjs", url());
		assertThat(output).containsPattern("alice said \"Hello\", receipt [0-9a-f-]{36}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "src/main/java/com/example/chat/ChatApplication.java",
			"src/main/java/com/example/chat/ChatController.java", "src/test/java/com/example/chat/ChatClient.java",
			"src/test/js/quickstart.mjs" })
	void readmeShowsTheFileAsItIs(String file) throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
		String code = Files.readString(Path.of(file), StandardCharsets.UTF_8);
		assertThat(readme.contains("\n" + code + "```\n")).as("README.md shows %s as it is", file).isTrue();
	}

	private String url() {
		return "http://localhost:" + this.port;
	}

	private static String run(File directory, String... command) throws Exception {
		Path output = Files.createTempFile("quickstart-", ".out");
		try {
			Process process = new ProcessBuilder(command).directory(directory)
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " did not end within 60 s:\n"
						+ Files.readString(output, StandardCharsets.UTF_8));
			}
			String printed = Files.readString(output, StandardCharsets.UTF_8);
			assertThat(process.exitValue())
				.as("exit code of %s, which printed:%n%s", String.join(" ", command), printed)
				.isZero();
			return printed;
		}
		finally {
			Files.delete(output);
		}
	}

}
