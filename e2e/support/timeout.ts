// jest reads `testTimeout` only from the global config, not from a project's: set it per file instead.
// Starting DynamoDB Local, the API and Chromium takes seconds, and each page slides in for ~300 ms.
jest.setTimeout(120_000);
