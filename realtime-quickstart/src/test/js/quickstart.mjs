import { io } from "socket.io-client";

const url = process.argv[2] ?? "http://localhost:8080";
const alice = io(`${url}/chat`, { auth: { nickname: "alice" } });
const bob = io(`${url}/chat`, { auth: { nickname: "bob" } });

await alice.emitWithAck("join", { room: "lobby" });
await bob.emitWithAck("join", { room: "lobby" });
const received = new Promise((resolve) => bob.once("message", resolve)); // the sender gets no copy of its own
const receipt = await alice.emitWithAck("message", { room: "lobby", text: "Hello" });
const message = await received;
console.log(`${message.from} said "${message.text}", receipt ${receipt.id}`);
alice.close();
bob.close();
