package org.thywill.apps.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/**
 * The chat with the demonstration's sign-in, in three Chromium browsers, each with its own cookies and storage:
 * alice on one, bob on two devices. A private message to bob reaches both of bob's browsers, and alice's page shows
 * it sending, sent, then delivered. Bob signing out on one of his browsers signs him out on the other too.
 */
class ChatUsersPageTest {

    @AutoClose
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("chat")
                .set("authentication", "implementation", "jwt")
                .set("authentication", "secret", "a-demo-secret-for-the-chat-test-only-32+")
                .set("authentication", "allowAnonymous", true)
                .set("authentication", "demoLogin", true)
                .set("push", "presenceGrace", "30s")
                .start();
    }

    @Test
    void aPrivateMessageReachesBothOfBobsBrowsersAndAliceSeesItDelivered() {
        try (Browser alice = signedIn("Alice"); Browser bobsLaptop = signedIn("Bob");
             Browser bobsPhone = signedIn("Bob")) {
            waitForOnline(alice, "Bob");
            // Every change of the line's status, in order, as the page shows it.
            alice.executeScript("window.statuses = [];"
                    + "new MutationObserver(() => {"
                    + "  const s = document.querySelector('#messages li.private.mine .status');"
                    + "  if (s && window.statuses[window.statuses.length - 1] !== s.textContent) {"
                    + "    window.statuses.push(s.textContent);"
                    + "  }"
                    + "}).observe(document.getElementById('messages'),"
                    + "  {subtree: true, childList: true, characterData: true});");

            type(alice, "/msg bob see you at noon");

            for (Browser bob : List.of(bobsLaptop, bobsPhone)) {
                WebElement line = waitForPrivate(bob, "see you at noon");
                assertEquals("Alice → you", line.findElement(By.cssSelector(".from")).getText());
            }
            WebElement mine = waitForPrivate(alice, "see you at noon");
            alice.waitFor(d -> "delivered".equals(mine.findElement(By.cssSelector(".status")).getText()));
            assertEquals("you → bob", mine.findElement(By.cssSelector(".from")).getText());
            assertEquals(List.of("sending", "sent", "delivered"), alice.executeScript("return window.statuses"));
            alice.screenshot(Path.of("target", "screenshots", "chat-private-sender.png"));
            bobsPhone.screenshot(Path.of("target", "screenshots", "chat-private-recipient.png"));
        }
    }

    @Test
    void aGuestIsRefusedPrivateMessagesAndNobodyUnknownIsReached() {
        try (Browser guest = Browser.openConnected(server.page("chat"),
                d -> d.findElement(By.id("me")).getText().startsWith("Guest "));
             Browser alice = signedIn("Alice")) {
            guest.waitFor(d -> d.findElement(By.id("sign-in-form")).isDisplayed());
            type(guest, "/msg alice psst");
            WebElement refused = waitForPrivate(guest, "psst");
            guest.waitFor(d -> refused.findElement(By.cssSelector(".status")).getText()
                    .equals("not delivered: Sign in to send private messages."));

            type(alice, "/msg nobody hello?");
            WebElement toNobody = waitForPrivate(alice, "hello?");
            alice.waitFor(d -> toNobody.findElement(By.cssSelector(".status")).getText()
                    .equals("not delivered: nobody has signed in as nobody"));
        }
    }

    @Test
    void signingOutInOneBrowserSignsBobOutOfTheOtherToo() {
        try (Browser bobsLaptop = signedIn("Bob"); Browser bobsPhone = signedIn("Bob")) {
            bobsLaptop.find("#sign-out").click();

            // The laptop forgets bob and comes back as a guest; the phone says why it stopped and offers sign-in.
            bobsLaptop.waitFor(d -> d.findElement(By.id("me")).getText().startsWith("Guest ")
                    && "connected".equals(bobsLaptop.executeScript("return thywill.state")));
            bobsLaptop.waitFor(d -> d.findElement(By.id("sign-in-form")).isDisplayed());
            bobsPhone.waitFor(d -> d.findElements(By.cssSelector("#messages li.notice.error")).stream()
                    .anyMatch(li -> "Signed out: sign in again to carry on."
                            .equals(li.findElement(By.cssSelector(".text")).getText())));
            bobsPhone.waitFor(d -> d.findElement(By.id("sign-in-form")).isDisplayed());
            assertEquals("disconnected", bobsPhone.executeScript("return thywill.state"));
            assertEquals(null, bobsPhone.executeScript("return localStorage.getItem('thywill.chat.user')"));
            bobsPhone.screenshot(Path.of("target", "screenshots", "chat-signed-out-elsewhere.png"));
        }
    }

    /** @return a browser of its own, signed in through the chat's sign-in form */
    private static Browser signedIn(String name) {
        Browser browser = Browser.openConnected(server.page("chat"),
                d -> d.findElement(By.id("me")).getText().startsWith("Guest "));
        try {
            browser.find("#login-name").sendKeys(name);
            browser.find("#sign-in").click();
            browser.waitFor(d -> name.equals(d.findElement(By.id("me")).getText())
                    && "connected".equals(browser.executeScript("return thywill.state")));
            browser.waitFor(d -> d.findElement(By.id("sign-out")).isDisplayed());
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    private static void type(Browser page, String text) {
        page.find("#text").sendKeys(text);
        page.find("#send").click();
    }

    private static void waitForOnline(Browser page, String name) {
        page.waitFor(d -> d.findElements(By.cssSelector("#online li")).stream()
                .anyMatch(li -> li.getText().startsWith(name)));
    }

    private static WebElement waitForPrivate(Browser page, String text) {
        return page.waitFor(d -> d.findElements(By.cssSelector("#messages li.private")).stream()
                .filter(li -> text.equals(li.findElement(By.cssSelector(".text")).getText()))
                .findFirst().orElse(null));
    }
}
