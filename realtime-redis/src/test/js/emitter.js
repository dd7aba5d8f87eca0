// Emits to a cluster from outside, with @socket.io/redis-emitter, for the emitter interop test; exits when sent.
// Usage: node emitter.js <redis port> <key prefix>
const { Emitter } = require("@socket.io/redis-emitter");
const { createClient } = require("redis");

const [redisPort, key] = process.argv.slice(2);

async function main() {
  const client = createClient({ url: `redis://127.0.0.1:${redisPort}` });
  await client.connect();
  const emitter = new Emitter(client, { key });

  emitter.emit("everyone", 1);
  emitter.to("room-a").emit("in-room", "a");
  emitter.except("room-a").emit("not-in-room", "b");
  emitter.to("room-a").emit("binary", Buffer.from([1, 2, 3]));
  emitter.of("/chat").emit("chat", "hi");
  emitter.in("room-a").socketsJoin("room-b");
  emitter.to("room-b").emit("in-room-b", true);
  emitter.serverSideEmit("hello", "from the emitter");
  emitter.in("room-b").disconnectSockets();

  // QUIT is answered after every command sent before it
  await client.quit();
  console.log("sent");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
