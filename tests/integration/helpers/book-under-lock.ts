// A second process for the panel race test: it takes the write lock, says "locked", and on "go" books
// a single session with the real booking model (inside the transaction it holds), commits, says "booked".
// Usage: tsx book-under-lock.ts <database> <party user as JSON> <mediatorId> <start ISO>
import readline from "node:readline";

const [file, partyJson, mediatorId, start] = process.argv.slice(2);
process.env.DATABASE_PATH = file;
const { getDb } = await import("../../../app/db.server");
const { placeBooking } = await import("../../../app/models/booking-create.server");

const db = getDb();
db.$client.exec("BEGIN IMMEDIATE");
console.log("locked");
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() !== "go") continue;
  const input = {
    mediatorId: Number(mediatorId),
    start,
    mode: "online" as const,
    category: "labour" as const,
    summary: "拖欠工资三个月未发",
  };
  placeBooking(db, JSON.parse(partyJson), input, Date.now(), {});
  db.$client.exec("COMMIT");
  console.log("booked");
  break;
}
lines.close();
