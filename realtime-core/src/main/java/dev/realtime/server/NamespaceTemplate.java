package dev.realtime.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A namespace name with {@code {variable}} parts, such as {@code /workspace-{id}}; each variable matches one or more
 * characters other than '/'. A name without variables matches only itself.
 *
 * @param pattern the regular expression the template stands for
 * @param variables the variable names, in order of their groups
 */
public record NamespaceTemplate(Pattern pattern, List<String> variables) {

	private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

	public static boolean isTemplate(String name) {
		return VARIABLE.matcher(name).find();
	}

	public static NamespaceTemplate parse(String template) {
		StringBuilder regex = new StringBuilder();
		List<String> names = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(template);
		int last = 0;
		while (matcher.find()) {
			regex.append(Pattern.quote(template.substring(last, matcher.start()))).append("([^/]+)");
			names.add(matcher.group(1));
			last = matcher.end();
		}
		regex.append(Pattern.quote(template.substring(last)));
		return new NamespaceTemplate(Pattern.compile(regex.toString()), List.copyOf(names));
	}

	public boolean matches(String name) {
		return this.pattern.matcher(name).matches();
	}

}
