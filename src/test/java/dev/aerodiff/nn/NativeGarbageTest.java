package dev.aerodiff.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeGarbageTest {
    private static final long MS = 1_000_000L;

    @Test
    void collectsOnlyWhenItsShareOfTheTimeStaysBounded() {
        assertTrue(NativeGarbage.due(0, 0, 0.05), "the first collection is due at once");
        assertFalse(NativeGarbage.due(999 * MS, 50 * MS, 0.05), "50 ms needs 1 s in between at 5%");
        assertTrue(NativeGarbage.due(1000 * MS, 50 * MS, 0.05));
        assertTrue(NativeGarbage.due(100 * MS, 50 * MS, 0.5));
    }

    @Test
    void theShareIsCheckedAndNamed() {
        assertEquals(0.05, NativeGarbage.share("0.05"));
        assertEquals(0, NativeGarbage.share("0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeGarbage.share("1.5"));
        assertTrue(e.getMessage().contains(NativeGarbage.SHARE_PROPERTY), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NativeGarbage.share("NaN"));
        assertThrows(IllegalArgumentException.class, () -> NativeGarbage.share("often"));
    }
}
