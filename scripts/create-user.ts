// `npm run user:create -- --email a@b.cn --role staff|mediator|admin --name 张三 [--mediator-id N] [--password P]`
// Creates an account an admin would create on /admin/accounts. Without --password, one is generated
// and printed once.
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createAccount, AccountError } from "../app/models/accounts.server";
import { EmailTakenError } from "../app/models/auth.server";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
    "mediator-id": { type: "string" },
    password: { type: "string" },
  },
});
const password = values.password ?? crypto.randomBytes(9).toString("base64url");
try {
  const user = await createAccount({
    by: "cli",
    input: {
      email: values.email ?? "",
      role: values.role as "staff",
      name: values.name ?? "",
      mediatorId: values["mediator-id"] ? Number(values["mediator-id"]) : undefined,
      password,
    },
  });
  console.log(`created ${user.role} account #${user.id} ${user.email}${values.password ? "" : ` with password ${password}`}`);
} catch (error) {
  if (error instanceof z.ZodError) console.error(z.prettifyError(error));
  else if (error instanceof AccountError || error instanceof EmailTakenError) console.error(error.message);
  else throw error;
  process.exit(2);
}
