'use strict';

// Reads `--name value` or `--name=value` pairs, as the Java side of the benchmark does.
module.exports = function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      throw new Error(`Expected an option such as --clients, not '${arg}'.`);
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      options[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else if (i + 1 < argv.length) {
      options[arg.slice(2)] = argv[++i];
    } else {
      throw new Error(`Option ${arg} needs a value.`);
    }
  }
  return options;
};
