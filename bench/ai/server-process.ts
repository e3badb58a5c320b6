// The server under benchmark, in its own process (so the fake provider and the load generator do not share
// its event loop): `node bench/ai/server-process.ts '<ServerOptions JSON>'` prints `READY <url>` once
// listening and closes on SIGTERM.
import { startServer } from '../../server/start-server.ts';
import { silentLogger } from '../../server/logger.ts';

const server = await startServer({ ...JSON.parse(process.argv[2]!), log: silentLogger });
process.stdout.write(`READY ${server.url}\n`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
