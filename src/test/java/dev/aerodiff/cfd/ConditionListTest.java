package dev.aerodiff.cfd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.io.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionListTest {

    @Test
    void readsTheShippedListsWhichAreDisjoint() {
        List<ConditionList.Entry> train = ConditionList.read(Path.of("datasets/airfoil-rans/train.csv"));
        List<ConditionList.Entry> test = ConditionList.read(Path.of("datasets/airfoil-rans/test.csv"));
        assertTrue(train.size() >= 40 && test.size() >= 8);
        for (ConditionList.Entry t : test) {
            assertTrue(train.stream().noneMatch(e -> e.id().equals(t.id())), t.id());
        }
        assertTrue(train.stream().map(ConditionList.Entry::airfoil).distinct().count() >= 3);
        assertEquals("naca0012_aoa+07.50_re2.000e+06", test.get(0).id());
    }

    @Test
    void namesTheBadLine(@TempDir Path dir) throws IOException {
        assertMessage(dir, "airfoil,alpha,re\nnaca0012,1,1e6\n", "line 1: expected the header");
        assertMessage(dir, "airfoil,aoa,reynolds\nnaca0012,1,1e6\nnaca0012,x,1e6\n", "line 3: aoa and reynolds");
        assertMessage(dir, "airfoil,aoa,reynolds\nnaca0012,1,-5\n", "line 2: need |aoa| <= 30");
        assertMessage(dir, "airfoil,aoa,reynolds\nnaca0012,1,1e6\nNACA0012,1.0,1000000\n", "listed twice");
        assertMessage(dir, "airfoil,aoa,reynolds\n", "lists no condition");
    }

    private static void assertMessage(Path dir, String csv, String expected) throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, csv);
        DataFileException e = assertThrows(DataFileException.class, () -> ConditionList.read(f));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
