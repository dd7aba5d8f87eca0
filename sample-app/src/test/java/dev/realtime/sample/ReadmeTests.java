package dev.realtime.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The test README.md's "Testing your handlers" shows is this module's own, as it is, so it compiles and passes. */
class ReadmeTests {

	@Test
	void readmeShowsChatTestsAsItIs() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
		String test = Files.readString(Path.of("src", "test", "java", "dev", "realtime", "sample", "ChatTests.java"),
				StandardCharsets.UTF_8);
		assertThat(readme.contains("```java\n" + test + "```\n")).as("README.md shows ChatTests.java as it is").isTrue();
	}

}
