package dev.realtime.server;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Namespaces created on demand when a client connects to a name that matches: a template such as
 * {@code /workspace-{id}} or a regular expression (Socket.IO's {@code io.of(/^\/dynamic-\d+$/)}). Handlers
 * registered here apply to every namespace it creates.
 */
public final class DynamicNamespace extends HandlerRegistry {

	private final String name;

	private final Pattern pattern;

	private final List<String> variableNames;

	private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();

	DynamicNamespace(String name, Pattern pattern, List<String> variableNames, Handlers handlers) {
		super(handlers);
		this.name = name;
		this.pattern = pattern;
		this.variableNames = variableNames;
	}

	static DynamicNamespace ofTemplate(String template, Handlers handlers) {
		NamespaceTemplate parsed = NamespaceTemplate.parse(template);
		return new DynamicNamespace(template, parsed.pattern(), parsed.variables(), handlers);
	}

	/** The template variables when the name matches, else null. */
	@Nullable Map<String, String> match(String name) {
		Matcher matcher = this.pattern.matcher(name);
		if (!matcher.matches()) {
			return null;
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (int i = 0; i < this.variableNames.size(); i++) {
			variables.put(this.variableNames.get(i), matcher.group(i + 1));
		}
		return Collections.unmodifiableMap(variables);
	}

	void created(Namespace namespace) {
		this.namespaces.put(namespace.name(), namespace);
	}

	void removed(Namespace namespace) {
		this.namespaces.remove(namespace.name(), namespace);
	}

	/** The namespaces it made that exist now. */
	public Collection<Namespace> namespaces() {
		return Collections.unmodifiableCollection(this.namespaces.values());
	}

	/** Sends an event to every socket of every namespace it made that exists now. */
	public void emit(String event, Object... args) {
		this.namespaces.values().forEach((namespace) -> namespace.emit(event, args));
	}

	/** The template as it was given ({@code /workspace-{id}}), or the regular expression. */
	public String name() {
		return this.name;
	}

	public Pattern pattern() {
		return this.pattern;
	}

	@Override
	Predicate<String> scope() {
		return (name) -> this.pattern.matcher(name).matches();
	}

}
