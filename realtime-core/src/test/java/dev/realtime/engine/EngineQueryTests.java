package dev.realtime.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineQueryTests {

	@Test
	void decodesEscapesAndPlus() {
		EngineQuery query = EngineQuery.parse("EIO=4&transport=polling&name=J%C3%A9r%C3%B4me+Dupont&a%26b=c%3Dd");
		assertThat(query.protocol()).isEqualTo("4");
		assertThat(query.transport()).isEqualTo("polling");
		assertThat(query.get("name")).isEqualTo("Jérôme Dupont");
		assertThat(query.get("a&b")).isEqualTo("c=d");
	}

	@Test
	void keepsMalformedEscapesAsTheyAreLikeNode() {
		EngineQuery query = EngineQuery.parse("EIO=4&transport=polling&x=%zz&y=100%&z=%4&%=%%41");
		assertThat(query.transport()).isEqualTo("polling");
		assertThat(query.get("x")).isEqualTo("%zz");
		assertThat(query.get("y")).isEqualTo("100%");
		assertThat(query.get("z")).isEqualTo("%4");
		assertThat(query.get("%")).isEqualTo("%A");
	}

	@Test
	void replacesBytesThatAreNotUtf8() {
		assertThat(EngineQuery.parse("x=%c3%28&y=%ff").get("x")).isEqualTo("\uFFFD(");
		assertThat(EngineQuery.parse("x=%c3%28&y=%ff").get("y")).isEqualTo("\uFFFD");
	}

	@Test
	void keepsEmptyAndValuelessParameters() {
		EngineQuery query = EngineQuery.parse("&&a&b=&=c&");
		assertThat(query.get("a")).isEmpty();
		assertThat(query.get("b")).isEmpty();
		assertThat(query.get("")).isEqualTo("c");
	}

}
