// The reference server: socket.io with the handlers every server under test has.
// Usage: node --expose-gc server.js PORT
"use strict";

const http = require("node:http");
const { Server } = require("socket.io");

const port = Number(process.argv[2] || 8080);

const httpServer = http.createServer((request, response) => {
	if (request.url === "/stats") {
		global.gc();
		const memory = process.memoryUsage();
		response.writeHead(200, { "Content-Type": "application/json" });
		response.end(JSON.stringify({ heapUsed: memory.heapUsed, external: memory.external }));
		return;
	}
	if (request.url === "/sockets") {
		// no collection here: the harness polls it while it measures
		response.writeHead(200, { "Content-Type": "application/json" });
		response.end(JSON.stringify({ sockets: io.of("/").sockets.size }));
		return;
	}
	response.writeHead(404);
	response.end();
});

const io = new Server(httpServer);

// two CONNECT middlewares that let every socket through
io.use((socket, next) => next());
io.use((socket, next) => next());

io.on("connection", (socket) => {
	socket.on("ping", (value, ack) => ack(value));
	socket.on("join", (room, ack) => {
		socket.join(room);
		ack();
	});
	socket.on("fanout", (sequence) => io.to("fanout").emit("tick", sequence));
});

httpServer.listen(port, "127.0.0.1");
