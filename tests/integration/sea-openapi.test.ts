// The sea's answers (issue 9) fit what the OpenAPI description says of them (ajv, JSON Schema 2020-12
// as OpenAPI 3.1 uses it, with formats): declaring, listing, answering the offer, and the refusals.
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { at, createBookingInTown, createMediator, createParty, createRoom, createStaff } from "../factories";

const db = openDb(freshDatabase());
const suspensionsRoute = await import("~/routes/api.v1.sea-suspensions");
const offerRoute = await import("~/routes/api.v1.bookings.$id.sea-offer");
const { expectDescribed } = await import("./described");

describe("the sea in the OpenAPI description", () => {
  it("declare, list, answer and their refusals fit their schemas", async () => {
    const now = Date.now();
    createRoom(db);
    const staff = createStaff(db, { now });
    const m = createMediator(db, { modes: ["centre", "online"], now });
    const party = createParty(db, { now });
    const b = createBookingInTown(db, {
      partyUserId: party.user.id,
      mediatorId: m.id,
      start: at(now, 2, "10:00"),
      mode: "centre",
      caseTown: "putuoshan",
      now,
    });
    const body = {
      towns: ["putuoshan"],
      from: new Date(at(now, 2, "00:00")).toISOString(),
      to: new Date(at(now, 3, "00:00")).toISOString(),
    };

    const declared = await call(suspensionsRoute, "/api/v1/sea-suspensions", { method: "POST", token: staff.token, body });
    expect(declared.status).toBe(201);
    expect(declared.body.affected.some((a: { bookingId: number }) => a.bookingId === b.id)).toBe(true);
    expectDescribed("post", "/api/v1/sea-suspensions", 201, declared.body);

    const invalid = await call(suspensionsRoute, "/api/v1/sea-suspensions", {
      method: "POST",
      token: staff.token,
      body: { ...body, towns: ["zhanmao"] },
    });
    expect(invalid.status).toBe(400);
    expectDescribed("post", "/api/v1/sea-suspensions", 400, invalid.body);
    const forbidden = await call(suspensionsRoute, "/api/v1/sea-suspensions", { method: "POST", token: party.token, body });
    expect(forbidden.status).toBe(403);
    expectDescribed("post", "/api/v1/sea-suspensions", 403, forbidden.body);

    const answered = await call(offerRoute, "/api/v1/x", {
      method: "POST",
      token: party.token,
      params: { id: String(b.id) },
      body: { accept: "online" },
    });
    expect(answered.status).toBe(200);
    expectDescribed("post", "/api/v1/bookings/{id}/sea-offer", 200, answered.body);
    const again = await call(offerRoute, "/api/v1/x", {
      method: "POST",
      token: party.token,
      params: { id: String(b.id) },
      body: { accept: "keep" },
    });
    expect(again.status).toBe(409);
    expectDescribed("post", "/api/v1/bookings/{id}/sea-offer", 409, again.body);
    const bad = await call(offerRoute, "/api/v1/x", {
      method: "POST",
      token: party.token,
      params: { id: String(b.id) },
      body: { accept: "maybe" },
    });
    expect(bad.status).toBe(400);
    expectDescribed("post", "/api/v1/bookings/{id}/sea-offer", 400, bad.body);

    const list = await call(suspensionsRoute, "/api/v1/sea-suspensions", { token: staff.token });
    expect(list.status).toBe(200);
    expectDescribed("get", "/api/v1/sea-suspensions", 200, list.body);
    expect((await call(suspensionsRoute, "/api/v1/sea-suspensions", { token: party.token })).status).toBe(403);
  });
});
