package org.bsb.api.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadPoolsTest {
    @Test
    void daemonThreadsNamedAfterThePool() throws Exception {
        Set<Thread> created = ConcurrentHashMap.newKeySet();
        ExecutorService pool = ThreadPools.fixed("bsb-test", 2, created::add);
        try {
            CountDownLatch both = new CountDownLatch(2);
            Callable<Thread> job = () -> {
                both.countDown();
                assertTrue(both.await(10, TimeUnit.SECONDS), "the pool did not run two jobs at once");
                return Thread.currentThread();
            };
            List<Future<Thread>> runs = pool.invokeAll(List.of(job, job));
            Set<String> names = new java.util.TreeSet<>();
            for (Future<Thread> f : runs) {
                Thread t = f.get();
                assertTrue(t.isDaemon(), t.getName());
                names.add(t.getName());
            }
            assertEquals(Set.of("bsb-test-1", "bsb-test-2"), names);
            assertEquals(2, created.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void atLeastOneThread() throws Exception {
        for (int threads : new int[] {0, -3}) {
            ExecutorService pool = ThreadPools.fixed("bsb-one", threads);
            try {
                Thread t = pool.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
                assertEquals("bsb-one-1", t.getName());
                assertTrue(t.isDaemon());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
