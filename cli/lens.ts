// The `lens` command (npm run lens): cli/main.ts with the process's arguments and streams.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
