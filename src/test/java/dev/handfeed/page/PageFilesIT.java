package dev.handfeed.page;

import dev.handfeed.testing.AnyServer;
import dev.handfeed.testing.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files of the live page, served by the WAR on each server: BrowserIT drives the page on Payara Micro only (it
 * restarts the server itself), so this is what shows that the same WAR serves the page on WildFly too, the chart's
 * WebJar included, and nothing from WEB-INF.
 */
@AnyServer
class PageFilesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        Server.historyFolder();
        return Server.war();
    }

    @ArquillianResource
    URL url;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePageItsScriptsTheLibraryAndTheChartAreServedWithTheirTypes() {
        for (String path : List.of("", "?overlay=1", "index.html")) {
            HttpResponse<String> page = get(path);
            assertEquals(200, page.statusCode(), path);
            assertEquals("text/html;charset=utf-8", type(page), path);
            assertTrue(page.body().contains("<script type=\"module\" src=\"page/app.js\"></script>"), path);
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"),
                    path);
        }
        for (String path : List.of("handfeed-client.js", "page/app.js", "page/session.js", "page/filters.js",
                "page/history.js", "page/format.js", "page/chart.js", "page/mode.js",
                "webjars/uplot/1.6.30/dist/uPlot.iife.min.js")) {
            HttpResponse<String> script = get(path);
            assertEquals(200, script.statusCode(), path);
            assertEquals("text/javascript;charset=utf-8", type(script), path);
            assertTrue(script.body().length() > 100, path);
        }
        assertEquals("text/css;charset=utf-8", type(get("webjars/uplot/1.6.30/dist/uPlot.min.css")));
        assertEquals("*", get("handfeed-client.js").headers().firstValue("Access-Control-Allow-Origin").orElse(""),
                "other pages import the library");
    }

    @Test
    void theServersInsidesAreNotFiles() {
        for (String path : List.of("WEB-INF/beans.xml", "WEB-INF/lib/", "META-INF/MANIFEST.MF", "package.json",
                "page/nothing.js")) {
            assertEquals(404, get(path).statusCode(), path);
        }
    }

    private HttpResponse<String> get(String path) {
        return Server.get(http, URI.create(url.toString()), path);
    }

    private static String type(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    }
}
