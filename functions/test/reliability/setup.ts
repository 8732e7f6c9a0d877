// Races and fault injection take longer than a unit test; jest reads the timeout only from here.
jest.setTimeout(120_000);
