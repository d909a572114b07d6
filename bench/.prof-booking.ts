import { DateTime } from "luxon";
process.env.DATABASE_PATH = "/tmp/prof/p.db";
process.env.NODE_ENV = "production";
process.env.DEMO_ACCOUNTS = "1";
const fs = await import("node:fs");
for (const f of ["/tmp/prof/p.db", "/tmp/prof/p.db-wal", "/tmp/prof/p.db-shm"]) fs.rmSync(f, { force: true });
const { prepareDatabase } = await import("../db/seed");
const { getDb } = await import("../app/db.server");
const { mediatorSlots } = await import("../app/models/availability.server");
const { createBooking } = await import("../app/models/bookings.server");
const { getUserById } = await import("../app/models/auth.server");
prepareDatabase("/tmp/prof/p.db", { scale: 500, demoAccounts: true });
const db = getDb(); if (process.env.CKPT) db.$client.pragma(`wal_autocheckpoint = ${process.env.CKPT}`);
const now = Date.now(); const zone = "Asia/Shanghai";
const today = DateTime.fromMillis(now, { zone }).toISODate()!;
const plus = (d: number) => DateTime.fromMillis(now, { zone }).plus({ days: d }).toISODate()!;
const slots: { mediatorId: number; start: string }[] = [];
for (let id = 1; id <= 500 && slots.length < 4000; id++) {
  const perDay = new Map<string, number>();
  for (const s of mediatorSlots(db, id, { from: today, to: plus(59), now, mode: "online" })) {
    const day = DateTime.fromMillis(s.start, { zone }).toISODate()!;
    if ((perDay.get(day) ?? 0) >= 3) continue;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    slots.push({ mediatorId: id, start: DateTime.fromMillis(s.start, { zone }).toISO()! });
  }
}
const party = getUserById(1)!;
const run = (n: number, off: number) => { const t = performance.now(); for (let i = off; i < off + n; i++) createBooking({ party, input: { mediatorId: slots[i].mediatorId, start: slots[i].start, mode: "online", category: "labour", summary: "基准测试预约" } }); return n / ((performance.now() - t) / 1000); };
run(300, 0);
console.log("createBooking/s", Math.round(run(3000, 300)));
