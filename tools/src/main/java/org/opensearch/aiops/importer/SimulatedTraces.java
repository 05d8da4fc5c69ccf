/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.util.List;
import java.util.Random;

/**
 * A small simulated shop for demos and benchmarks: {@code frontend → order → (user, stock,
 * payment)}, two order pods, each span carrying the code context (class, line, method) it ran, as
 * the Nezha importer writes them. During the fault, {@code payment} runs another code path (it
 * handles a refused payment instead of charging): what runs changes, not how long it takes.
 * Deterministic for a seed.
 */
public final class SimulatedTraces {

    /** One span and the code it ran, as the importer's {@link TraceSpan#document} takes them. */
    public record Span(TraceSpan span, List<CodeContext> contexts) {}

    /** Receives spans in trace order (parents first). */
    public interface SpanSink {
        void accept(Span span) throws Exception;
    }

    /** The pod the fault is injected into. */
    public static final String FAULTY_POD = "payment-6f7d9c-k3x2p";

    private static final String FRONTEND = "frontend-7d9f44-a1b2c";
    private static final List<String> ORDER = List.of("order-5c8b6d-x2y4z", "order-5c8b6d-q7r8s");
    private static final String USER = "user-84c2f1-m5n6o";
    private static final String STOCK = "stock-69bd3e-t9u1v";

    /** What payment runs normally, and during the fault (it handles a refused payment). */
    private static final CodeContext[] CHARGED = {
        new CodeContext("c.s.p.PaymentServiceImpl", "charge", 88),
        new CodeContext("c.s.p.PaymentServiceImpl", "confirm", 102)
    };

    private static final CodeContext[] REFUSED = {
        new CodeContext("c.s.p.PaymentServiceImpl", "handleRefusedPayment", 140),
        new CodeContext("c.s.p.PaymentServiceImpl", "rollbackReservation", 152)
    };

    private final Random random;
    private long spanCounter;

    public SimulatedTraces(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Writes the traces that start in [fromMillis, toMillis), {@code perSecond} a second, faulty in
     * [faultFromMillis, faultToMillis).
     */
    public void generate(
            long fromMillis,
            long toMillis,
            long faultFromMillis,
            long faultToMillis,
            int perSecond,
            SpanSink sink)
            throws Exception {
        long step = Math.max(1, 1000 / perSecond);
        for (long t = fromMillis; t < toMillis; t += step) {
            long start = t + random.nextInt((int) step);
            boolean faulty = start >= faultFromMillis && start < faultToMillis;
            trace(start, faulty, sink);
        }
    }

    private void trace(long startMillis, boolean faulty, SpanSink sink) throws Exception {
        String traceId =
                String.format(
                        java.util.Locale.ROOT, "%016x%016x", random.nextLong(), random.nextLong());
        long t0 = startMillis * 1_000_000L;
        String order = ORDER.get(random.nextInt(ORDER.size()));
        long user = duration(3_000);
        long stock = duration(5_000);
        long pay = duration(faulty ? 6_000 : 8_000); // the refusal path is no slower
        long orderWork = user + stock + pay + duration(2_000);
        long total = orderWork + duration(1_500);
        String root =
                span(
                        sink,
                        traceId,
                        TraceSpan.ROOT,
                        FRONTEND,
                        "GET /api/order",
                        t0,
                        total,
                        new CodeContext("c.s.f.OrderPageController", "placeOrder", 41));
        String orderSpan =
                span(
                        sink,
                        traceId,
                        root,
                        order,
                        "POST /order",
                        t0 + 500_000,
                        orderWork,
                        new CodeContext("c.s.o.OrderServiceImpl", "createOrder", 77),
                        new CodeContext("c.s.o.OrderServiceImpl", "saveOrder", 95));
        long at = t0 + 800_000;
        span(
                sink,
                traceId,
                orderSpan,
                USER,
                "GET /user",
                at,
                user,
                new CodeContext("c.s.u.UserServiceImpl", "getUser", 33));
        at += user * 1000;
        span(
                sink,
                traceId,
                orderSpan,
                STOCK,
                "POST /stock/reserve",
                at,
                stock,
                new CodeContext("c.s.s.StockServiceImpl", "reserve", 58));
        at += stock * 1000;
        span(
                sink,
                traceId,
                orderSpan,
                FAULTY_POD,
                "POST /payment",
                at,
                pay,
                faulty ? REFUSED : CHARGED);
    }

    /** A log-normal duration in µs around {@code medianMicros}. */
    private long duration(long medianMicros) {
        return Math.max(100, Math.round(medianMicros * Math.exp(0.25 * random.nextGaussian())));
    }

    private String span(
            SpanSink sink,
            String traceId,
            String parent,
            String pod,
            String operation,
            long startNanos,
            long durationMicros,
            CodeContext... contexts)
            throws Exception {
        String spanId =
                String.format(java.util.Locale.ROOT, "%016x", ++spanCounter * 0x9E3779B97F4A7C15L);
        sink.accept(
                new Span(
                        new TraceSpan(
                                traceId,
                                spanId,
                                parent,
                                pod,
                                operation,
                                startNanos,
                                durationMicros),
                        List.of(contexts)));
        return spanId;
    }
}
