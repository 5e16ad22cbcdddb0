package dev.handfeed.page;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticFileTest {

    @Test
    void filesOfThePageAreServedWithATypeBrowsersAccept() {
        assertEquals(Optional.of(new StaticFile("/handfeed-client.js", "text/javascript;charset=utf-8")),
                StaticFile.of("handfeed-client.js"));
        assertEquals("text/html;charset=utf-8", StaticFile.of("index.html").orElseThrow().mediaType());
        assertEquals("text/css;charset=utf-8", StaticFile.of("page/page.css").orElseThrow().mediaType());
        assertEquals("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
                StaticFile.of("webjars/uplot/1.6.30/dist/uPlot.iife.min.js").orElseThrow().resourcePath());
        assertTrue(StaticFile.of("index.html").orElseThrow().isPage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"WEB-INF/beans.xml", "web-inf/web.xml", "META-INF/MANIFEST.MF", "../etc/passwd",
        "page/../WEB-INF/beans.xml", "page//app.js", "/index.html", "page/", "README", "package.json",
        "page/app.js.bak", "a\\b.js", ".hidden.js", "page/.x.css", "WEB-INF/lib/h2.jar", "x.js?y", ""})
    void anythingElseIsNotAFileToServe(String path) {
        assertEquals(Optional.empty(), StaticFile.of(path), path);
    }
}
