// A person's language: chosen on the site, it is the language their notifications are written in.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { users } from "../../db/schema";
import { createParty } from "../factories";

const file = freshDatabase();
const db = openDb(file);
const lang = await import("~/routes/lang.$locale");
const register = await import("~/routes/api.v1.auth.register");
const { createSession } = await import("~/models/auth.server");

const localeOf = (id: number) => db.select({ locale: users.locale }).from(users).where(eq(users.id, id)).get()!.locale;

describe("the language of a person", () => {
  it("follows the language switch while signed in, and only then", async () => {
    const party = createParty(db);
    expect(localeOf(party.user.id)).toBe("zh");
    const { secret } = await createSession(party.user.id, "cookie", Date.now());
    const res = await call(lang, "/lang/en?next=/bookings", { params: { locale: "en" }, cookie: `sid=${secret}` });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/bookings");
    expect(localeOf(party.user.id)).toBe("en");

    const anonymous = await call(lang, "/lang/zh", { params: { locale: "zh" } });
    expect(anonymous.status).toBe(303);
    expect(localeOf(party.user.id)).toBe("en");
  });

  it("is the language of the page that registered the account", async () => {
    const res = await call(register, "/api/v1/auth/register", {
      method: "POST",
      body: { email: "english.speaker@example.test", password: "a-long-password", name: "Pat Lee" },
      cookie: "lang=en",
    });
    expect(res.status).toBe(201);
    expect(localeOf(res.body.user.id)).toBe("en");
  });
});
