// What an empty database gets on its first start. The demo (embedded PostgreSQL) loads the seed
// articles with their demo accounts; a production database (DATABASE_URL) gets no known password:
// the first admin comes from ADMIN_EMAIL and ADMIN_PASSWORD, or from a one-time setup link.
import type { Db } from "../../prisma/client";
import { PASSWORD_MIN } from "../../lib/schemas/accounts";

export async function prepareEmptyDatabase(db: Db, options: { demo: boolean; baseUrl: string; log: (m: string) => void }) {
  if ((await db.user.count()) > 0) return;
  const { log } = options;
  if (options.demo) {
    const { seedDatabase } = await import("../../seeds/load");
    const { seedPublication } = await import("../../seeds/publication");
    log("Empty database: loading the seed data…");
    const { created } = await seedDatabase(db);
    log(`Seeded ${created} rows.`);
    const { token } = await seedPublication(db);
    if (token) log(`Published the seed fact sheet; its public link (shown only now): ${options.baseUrl}/p/${token}`);
    return;
  }
  const { createFirstAdmin, issueSetupLink } = await import("../../lib/server/accounts");
  const email = process.env.ADMIN_EMAIL?.trim().toLowerCase() || null;
  const password = process.env.ADMIN_PASSWORD;
  if (email && password) {
    if (password.length < PASSWORD_MIN) throw new Error(`ADMIN_PASSWORD must have at least ${PASSWORD_MIN} characters.`);
    await createFirstAdmin(db, { email, password });
    log(`Empty database: created the first admin, ${email} (password from ADMIN_PASSWORD). No demo accounts.`);
    return;
  }
  const link = await issueSetupLink(db, email);
  log(`Empty database, no demo accounts. Create the first admin with this one-time link (until ${link.expiresAt.toISOString()}):\n\n    ${options.baseUrl}${link.path}\n`);
}
