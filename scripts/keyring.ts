// Prints a new encryption keyring as base64, the form LINLI_KEYRING takes (docs/deploy.md, "Keyring"):
//   echo "LINLI_KEYRING=$(./node_modules/.bin/tsx scripts/keyring.ts)" > /etc/linli/keyring.env
// Made once, before the first start: every server must use the same keyring, and a new one cannot read what the old
// one encrypted.
import { generateKeyring } from '../server/src/platform/crypto.ts';

process.stdout.write(Buffer.from(JSON.stringify(generateKeyring())).toString('base64') + '\n');
