// A Node.js Socket.IO node on @socket.io/redis-streams-adapter with connection state recovery, for the interop tests.
// Usage: node node-streams.js <port> <redis port> <prefix>: the stream and the channels are named <prefix>, the
// sessions' keys start with "<prefix>:session:". It serves the events of recovery.js as RecoveryFixture does on a
// Java node; the test drives it with server-side emits from a Java node.
const { createServer } = require("node:http");
const { Server } = require("socket.io");
const { createAdapter } = require("@socket.io/redis-streams-adapter");
const { createClient } = require("redis");

const [port, redisPort, prefix] = process.argv.slice(2);

async function main() {
  const redisClient = createClient({ url: `redis://127.0.0.1:${redisPort}` });
  redisClient.on("error", (err) => console.error("redis error", err.message));
  await redisClient.connect();

  const io = new Server(createServer(), {
    adapter: createAdapter(redisClient, {
      streamName: prefix,
      channelPrefix: prefix,
      sessionKeyPrefix: `${prefix}:session:`,
    }),
    connectionStateRecovery: { maxDisconnectionDuration: 120000, skipMiddlewares: true },
  });
  const main = io.of("/");

  main.on("connection", (socket) => {
    socket.on("join", (room, ack) => {
      socket.join(room);
      ack("joined");
    });
    socket.on("remember", (nick, ack) => {
      socket.data.nick = nick;
      ack("remembered");
    });
    socket.on("send-me", (event) => socket.emit(event, event));
    socket.on("whoami", (ack) =>
      ack({ id: socket.id, recovered: socket.recovered, nick: socket.data.nick, rooms: [...socket.rooms].sort() }),
    );
    socket.on("away", (ack) => {
      ack("ok");
      io.serverSideEmit("away", socket.id);
    });
  });

  // what the Java node asks of this one
  io.on("broadcast", (rooms, except, event, args) => main.to(rooms).except(except).emit(event, ...args));
  io.on("fetch", async (callback) => callback((await main.fetchSockets()).map((socket) => socket.id)));
  io.on("ping", (arg, callback) => callback(`pong from node to ${arg}`));

  io.listen(Number(port));
  console.log("listening");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
