package com.example.chat;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.socket.client.IO;
import io.socket.client.Socket;
import okhttp3.OkHttpClient;
import org.json.JSONObject;

public class ChatClient {

	public static void main(String[] args) throws InterruptedException {
		String url = (args.length > 0) ? args[0] : "http://localhost:8080";
		OkHttpClient http = new OkHttpClient();
		IO.Options options = IO.Options.builder().setAuth(Map.of("nickname", "bob")).build();
		options.callFactory = http;
		options.webSocketFactory = http;
		Socket socket = IO.socket(URI.create(url + "/chat"), options);
		CountDownLatch acknowledged = new CountDownLatch(1);
		socket.on("message", (message) -> System.out.println(message[0]));
		socket.connect();
		socket.emit("join", new Object[] { new JSONObject(Map.of("room", "lobby")) }, (joined) -> {
			JSONObject post = new JSONObject(Map.of("room", "lobby", "text", "Hi"));
			socket.emit("message", new Object[] { post }, (receipt) -> {
				System.out.println("acknowledged: " + receipt[0]);
				acknowledged.countDown();
			});
		});
		boolean answered = acknowledged.await(10, TimeUnit.SECONDS);
		socket.close();
		http.dispatcher().executorService().shutdown(); // the JVM ends now, not once OkHttp's idle threads time out
		if (!answered) {
			System.err.println("No answer from " + url);
		}
	}

}
