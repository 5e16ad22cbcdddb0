package dev.handfeed.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The direct path itself runs in every integration test on Payara Micro; here, the choice and the fallback. */
class TransportsTest {

    private final List<String> chosen = new ArrayList<>();

    @Test
    void aContainerOtherThanTyrusGetsTheStandardPath() throws Exception {
        FakeSession fake = new FakeSession();
        Transport transport = new Transports(true, chosen::add).of(fake.session());
        assertInstanceOf(PortableTransport.class, transport);
        new Transports(true, chosen::add).of(new FakeSession().session());
        transport.text("hello", result -> { });
        List<Boolean> pinged = new ArrayList<>();
        transport.ping(new byte[]{0, 0, 0, 0, 0, 0, 0, 5}, result -> pinged.add(result.isOK()));
        assertEquals(List.of("hello", "ping:5"), fake.frames());
        assertEquals(List.of(true), pinged, "the standard path reports a ping sent once handed over");
        assertEquals(List.of(Transports.STANDARD, Transports.STANDARD), chosen, "once per Transports and class");
    }

    @Test
    void directSendOffGivesTheStandardPathWithoutLookingAtTheContainer() {
        assertInstanceOf(PortableTransport.class, new Transports(false, chosen::add).of(new FakeSession().session()));
        assertEquals(List.of(Transports.STANDARD), chosen);
    }
}
