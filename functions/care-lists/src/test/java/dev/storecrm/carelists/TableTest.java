package dev.storecrm.carelists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void csvStartsWithAByteOrderMarkSoSpreadsheetsReadChineseNames() {
        String csv = new Table(List.of("customerId", "name")).add(List.of("c-1", "王小明")).toCsv();
        assertEquals("\uFEFFcustomerId,name\r\nc-1,王小明\r\n", csv);
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"Smith, Anna\"", Table.cell("Smith, Anna"));
        assertEquals("\"say \"\"hi\"\"\"", Table.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", Table.cell("two\nlines"));
    }

    @Test
    void aNameThatLooksLikeAFormulaStaysText() {
        assertEquals("\"'=HYPERLINK(\"\"http://evil\"\")\"", Table.cell("=HYPERLINK(\"http://evil\")"));
        assertEquals("'@SUM(A1)", Table.cell("@SUM(A1)"));
        assertEquals("'-2+3", Table.cell("-2+3"));
        assertEquals("'+cmd|' /C calc'!A0", Table.cell("+cmd|' /C calc'!A0"));
    }

    @Test
    void aPhoneNumberIsNeutralisedToo() {
        assertEquals("'+1-2", Table.cell("+1-2"), "+1-2 opens as the formula =1-2 (-1) in a spreadsheet");
        assertEquals("'+86 138 0000 1001", Table.cell("+86 138 0000 1001"));
        assertEquals("'+1 (415) 555-0100", Table.cell("+1 (415) 555-0100"));
    }

    @Test
    void everyColumnOfARowIsNeutralised() {
        String csv = new Table(List.of("customerId", "name", "phone", "email", "note", "tier"))
                .add(List.of("c-1", "=1+1", "+1-2", "-a@b.example", "@SUM(A1)", "\tVIP")).toCsv();
        assertEquals("\uFEFFcustomerId,name,phone,email,note,tier\r\n"
                + "c-1,'=1+1,'+1-2,'-a@b.example,'@SUM(A1),'\tVIP\r\n", csv);
        assertEquals("\"'\rx\"", Table.cell("\rx"), "a carriage return first is neutralised and quoted");
    }

    @Test
    void jsonNamesEveryCell() {
        String json = new Table(List.of("a", "b")).add(List.of("1", "x\"y")).toJson();
        assertEquals("{\"columns\":[\"a\",\"b\"],\"rows\":[{\"a\":\"1\",\"b\":\"x\\\"y\"}]}", json);
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        Table table = new Table(List.of("a", "b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.add(List.of("1")));
        assertTrue(e.getMessage().contains("1 cells for 2 columns"));
    }
}
