package dev.realtime.benchmarks.servers.raw;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import dev.realtime.benchmarks.servers.StatsController;

/**
 * The floor: Spring's WebSocket support on the same container, with no Engine.IO or Socket.IO, serving
 * {@link RawWebSocketHandler} at {@value #PATH}.
 */
@SpringBootApplication
@EnableWebSocket
@Import(StatsController.class)
public class RawWebSocketApplication implements WebSocketConfigurer {

	public static final String PATH = "/raw";

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(new RawWebSocketHandler(), PATH);
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(RawWebSocketApplication.class);
		application.setDefaultProperties(Map.of("realtime.enabled", "false"));
		application.run(args);
	}

}
