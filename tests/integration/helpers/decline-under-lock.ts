// A second process for the reschedule race test: it takes the write lock, says "locked", and on "go"
// declines the booking with the real model (inside the transaction it holds), commits, says "declined".
// Usage: tsx decline-under-lock.ts <database> <bookingId> <mediator user as JSON>
import readline from "node:readline";

const [file, bookingId, userJson] = process.argv.slice(2);
process.env.DATABASE_PATH = file;
const { getDb } = await import("../../../app/db.server");
const { declineBooking } = await import("../../../app/models/booking-actions.server");

const connection = getDb().$client;
connection.exec("BEGIN IMMEDIATE");
console.log("locked");
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() !== "go") continue;
  // Inside a transaction already, the model's write runs in a savepoint of this one.
  await declineBooking({ user: JSON.parse(userJson), id: Number(bookingId), reason: "当天另有安排", now: Date.now() });
  connection.exec("COMMIT");
  console.log("declined");
  break;
}
lines.close();
