package io.wbo.statement.internal;

import java.util.Random;

/** Gives the HTTP fuzz test the parser fuzz test's mutations. */
public final class FuzzMutations {

	private FuzzMutations() {
	}

	public static byte[] mutate(byte[] original, Random random) {
		return ParserFuzzTests.mutate(original, random);
	}
}
