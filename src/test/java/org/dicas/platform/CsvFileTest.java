package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dicas.shared.Marking;
import org.junit.jupiter.api.Test;

/** Exports open right in Excel on Japanese Windows: a UTF-8 byte-order mark, the banner, then the header row. */
class CsvFileTest {

    @Test
    void anExportStartsWithTheByteOrderMarkThenTheBannerThenTheHeader() {
        String content = new CsvFile(Marking.parse("CUI//REL TO USA, JPN"), List.of("番号", "件名"))
                .row(List.of(1, "共同生産, 第1回")).content();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(content.substring(1).split("\r\n")).containsExactly("\"CUI//REL TO USA, JPN\"", "番号,件名",
                "1,\"共同生産, 第1回\"", "\"CUI//REL TO USA, JPN\"");
    }
}
