// What the outbox says about a real booking (issue 11), through the models that write it: the order,
// the confirmation and a cancellation carry the booking's facts (time in words, place, both names, the
// case number, the link), in each recipient's language; an English-speaking party reads English.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { notifications } from "../../db/schema";
import { createMediator, createParty, freeSlots } from "../factories";

const file = freshDatabase();
const { createBooking: order } = await import("~/models/booking-create.server");
const { confirmBooking, cancelBooking } = await import("~/models/booking-actions.server");
const { renderNotification } = await import("~/i18n/notifications");
const { roomWords, whenWords } = await import("~/i18n/when");
const db = openDb(file);

const rendered = (bookingId: number) =>
  db
    .select()
    .from(notifications)
    .where(eq(notifications.bookingId, bookingId))
    .orderBy(notifications.id)
    .all()
    .map((n) => ({ to: n.userId, channel: n.channel, template: n.template, ...renderNotification(n) }));

describe("messages about a booking", () => {
  it("tell an English-speaking party in English and the mediator in Chinese, with what, when, where, who and the link", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["centre"], account: true, now });
    const party = createParty(db, { locale: "en", phone: "13900139000", name: "Alice Chen" });
    // Two days ahead: far enough for any answer deadline.
    const slot = freeSlots(db, m.id, { now, mode: "centre" }).find((s) => Date.parse(s.start) > now + 48 * 3_600_000)!;
    const start = Date.parse(slot.start);
    const { booking } = await order({
      party: party.user,
      input: { mediatorId: m.id, start: slot.start, mode: "centre", category: "labour", summary: "Three months of unpaid wages" },
      now,
    });
    await confirmBooking({ user: m.account!.user, id: booking.id, now: now + 60_000 });
    await cancelBooking({ user: party.user, id: booking.id, reason: "I will be at sea that day.", now: now + 120_000 });

    const link = `http://localhost:3000/bookings/${booking.id}`;
    const texts = rendered(booking.id);
    const toParty = texts.filter((t) => t.to === party.user.id);
    const toMediator = texts.filter((t) => t.to === m.account!.user.id);
    expect(toParty.map((t) => `${t.template} ${t.channel}`)).toEqual([
      "booking.submitted email",
      "booking.submitted sms",
      "booking.confirmed email",
      "booking.confirmed sms",
    ]);
    expect(toMediator.map((t) => t.template)).toEqual(["booking.requested", "booking.cancelled"]);

    const confirmed = toParty.find((t) => t.template === "booking.confirmed" && t.channel === "email")!;
    expect(confirmed.subject).toBe(`Confirmed: ${whenWords(start, "en")}, ${m.name}`);
    expect(confirmed.body).toContain(`${m.name} confirmed your mediation session on `);
    expect(confirmed.body).toContain("(Beijing time)");
    expect(confirmed.body).toContain(booking.caseNumber);
    expect(confirmed.body).toContain(
      `Place: ${roomWords(booking.room!, "en")}, Putuo District Social Governance Service Centre, 88 Haigang Road`,
    );
    expect(confirmed.body).toContain(`View, reschedule or cancel: ${link}`);
    // Only the names and the case number stay in Chinese (the room is named in English).
    const rest = [m.name, booking.caseNumber].reduce((t, name) => t.split(name).join(""), confirmed.body);
    expect(rest).not.toMatch(/\p{Script=Han}/u);
    const sms = toParty.find((t) => t.template === "booking.confirmed" && t.channel === "sms")!;
    expect(sms.body).toBe(`Confirmed: ${whenWords(start, "en")}, ${m.name} http://localhost:3000/b/${booking.id}`);

    const requested = toMediator.find((t) => t.template === "booking.requested")!;
    expect(requested.subject).toBe(`新的调解预约：${whenWords(start, "zh")}，Alice Chen`);
    expect(requested.body).toContain("地点：普陀区社会治理综合服务中心");
    expect(requested.body).toContain(`请在 ${whenWords(Date.parse(booking.respondBy), "zh")} 前确认或婉拒：${link}`);
    const cancelled = toMediator.find((t) => t.template === "booking.cancelled")!;
    expect(cancelled.body).toContain("当事人 Alice Chen 取消了 ");
    expect(cancelled.body).toContain("理由：I will be at sea that day。");
  });
});
