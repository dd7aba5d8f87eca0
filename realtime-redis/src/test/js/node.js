// A Node.js Socket.IO node on @socket.io/redis-adapter, for the interop tests.
// Usage: node node.js <port> <redis port> <key prefix>
// Test clients use the main namespace; the test drives this node through the "/control" namespace.
const { createServer } = require("node:http");
const { Server } = require("socket.io");
const { createAdapter } = require("@socket.io/redis-adapter");
const { createClient } = require("redis");

const [port, redisPort, key] = process.argv.slice(2);

async function main() {
  const pubClient = createClient({ url: `redis://127.0.0.1:${redisPort}` });
  const subClient = pubClient.duplicate();
  pubClient.on("error", (err) => console.error("redis pub error", err.message));
  subClient.on("error", (err) => console.error("redis sub error", err.message));
  await Promise.all([pubClient.connect(), subClient.connect()]);

  const io = new Server(createServer(), { adapter: createAdapter(pubClient, subClient, { key, requestsTimeout: 3000 }) });
  const main = io.of("/");

  main.on("connection", (socket) => {
    socket.on("join", (room, ack) => {
      socket.join(room);
      ack("joined");
    });
  });

  // server-side emits from other nodes are shown to this node's clients
  io.on("hello", (...args) => main.local.emit("hello-received", ...args));
  io.on("ping", (arg, callback) => callback(`pong from node to ${arg}`));

  io.of("/control").on("connection", (control) => {
    control.on("broadcast", (rooms, event, args, ack) => {
      main.to(rooms).emit(event, ...args);
      ack();
    });
    control.on("emitWithAck", async (event, ack) => {
      ack(await main.timeout(5000).emitWithAck(event));
    });
    control.on("fetchSockets", async (ack) => {
      const sockets = await main.fetchSockets();
      ack(sockets.map((socket) => ({ id: socket.id, rooms: [...socket.rooms] })));
    });
    control.on("socketsJoin", (target, room, ack) => {
      main.in(target).socketsJoin(room);
      ack();
    });
    control.on("serverSideEmit", (event, args, ack) => {
      io.serverSideEmit(event, ...args);
      ack();
    });
    control.on("serverSideEmitWithAck", async (event, args, ack) => {
      ack(await io.serverSideEmitWithAck(event, ...args));
    });
    control.on("serverCount", async (ack) => {
      ack(await main.adapter.serverCount());
    });
  });

  io.listen(Number(port));
  console.log("listening");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
