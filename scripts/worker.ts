// npm run worker: a job worker alone (npm start runs one beside the app already). Use it to add
// workers on machines that serve no pages; any number may run against one database.
import { startJobWorker } from "./lib/jobs";
import { onShutdown } from "./lib/lifecycle";
import { openDatabaseServer } from "./lib/database-server";
import { ensurePrismaClient } from "./lib/prisma-generate";

const log = (m: string) => console.log(`[worker] ${m}`);
ensurePrismaClient(log);
const server = await openDatabaseServer({ log });
const { createPrismaClient } = await import("../prisma/client");
const db = createPrismaClient(server.appUrl, { max: 3 });
const runner = await startJobWorker(server.appUrl, db, { log });
log("Waiting for jobs. Ctrl-C stops.");
onShutdown(() => void runner.stop().finally(() => db.$disconnect().finally(() => server.stop().finally(() => process.exit(0)))));
await runner.promise;
