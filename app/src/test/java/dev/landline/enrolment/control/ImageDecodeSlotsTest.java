package dev.landline.enrolment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ImageDecodeSlotsTest {

    private static ImageDecodeSlots slots(int slots, int waitSeconds) {
        var bean = new ImageDecodeSlots();
        bean.slots = slots;
        bean.waitSeconds = waitSeconds;
        bean.init();
        return bean;
    }

    @Test
    void aDecodeBeyondTheSlotsIsRefusedAsBusyAfterItsWait() throws Exception {
        var bean = slots(1, 1);
        var inside = new CountDownLatch(1);
        var leave = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> bean.inSlot(() -> {
            inside.countDown();
            await(leave);
            return "first";
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        long start = System.nanoTime();
        var refused = assertThrows(EnrolmentRefused.class, () -> bean.inSlot(() -> "second"));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(EnrolmentRefused.Reason.BUSY, refused.reason());
        assertTrue(waitedMillis >= 900, "it waited for a slot first: " + waitedMillis + " ms");
        leave.countDown();
        assertEquals("first", first.get(10, TimeUnit.SECONDS));
        assertEquals("third", bean.inSlot(() -> "third"), "a slot is free again once the first is done");
    }

    @Test
    void aWaitingDecodeGetsTheSlotWhenItFreesInTime() throws Exception {
        var bean = slots(1, 10);
        var inside = new CountDownLatch(1);
        var first = CompletableFuture.runAsync(() -> bean.inSlot(() -> {
            inside.countDown();
            sleep(300);
            return null;
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertEquals("second", bean.inSlot(() -> "second"));
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFailingDecodeGivesItsSlotBack() {
        var bean = slots(1, 0);
        assertThrows(IllegalStateException.class, () -> bean.inSlot(() -> {
            throw new IllegalStateException("broken");
        }));
        assertEquals("next", bean.inSlot(() -> "next"));
    }

    @Test
    void twoSlotsLetTwoDecodesRunAtOnce() throws Exception {
        var bean = slots(2, 0);
        var inside = new CountDownLatch(1);
        var leave = new CountDownLatch(1);
        var first = CompletableFuture.runAsync(() -> bean.inSlot(() -> {
            inside.countDown();
            await(leave);
            return null;
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertEquals("second", bean.inSlot(() -> "second"));
        leave.countDown();
        first.get(10, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
