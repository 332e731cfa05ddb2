#!/usr/bin/env node
// The command an installed embsweep puts on the PATH: the CLI of @embsweep/cli.
import '@embsweep/cli/bin';
