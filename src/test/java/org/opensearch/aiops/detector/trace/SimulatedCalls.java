/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.SpanCodeContext;

/**
 * A small simulated call graph for tests: gateway → order → payment, order → stock, each callee
 * running one code path (context and templates) with log-normal durations. A fault in {@code
 * payment} makes it run another code path (a new context and an error template), not slower.
 */
final class SimulatedCalls {

    record Call(
            String source, String destination, String operation, String context, String template) {}

    static final List<Call> NORMAL =
            List.of(
                    new Call(
                            "gateway",
                            "order",
                            "POST /order",
                            "OrderController.create(OrderRequest)",
                            "order created id <*>"),
                    new Call(
                            "order",
                            "payment",
                            "pay",
                            "PaymentService.pay(Order)",
                            "payment accepted for <*>"),
                    new Call(
                            "order",
                            "stock",
                            "reserve",
                            "StockService.reserve(Item)",
                            "reserved <*> items"));

    static final Call FAULT =
            new Call(
                    "order",
                    "payment",
                    "pay",
                    "PaymentService.refuse(Order)",
                    "payment refused: <*> exception");

    private final Random random;
    private long micros;
    private int trace;

    SimulatedCalls(long seed, long startMicros) {
        this.random = new Random(seed);
        this.micros = startMicros;
    }

    /**
     * {@code traces} traces of three calls each; the payment call of each is faulty when {@code
     * faulty}.
     */
    List<CallEvent> traces(int traces, boolean faulty) {
        List<CallEvent> events = new ArrayList<>();
        for (int t = 0; t < traces; t++) {
            String traceId = "t" + (trace++);
            micros += 2_000 + random.nextInt(4_000);
            for (int c = 0; c < NORMAL.size(); c++) {
                Call call = faulty && c == 1 ? FAULT : NORMAL.get(c);
                events.add(event(traceId, c, call, micros + c * 500L));
            }
        }
        return events;
    }

    private CallEvent event(String traceId, int index, Call call, long start) {
        long callee = (long) (1000 * Math.exp(1.5 + 0.3 * random.nextGaussian()));
        long caller = callee + 200 + random.nextInt(400);
        return new CallEvent(
                traceId,
                traceId + "-" + index,
                traceId + "-p" + index,
                call.source() + "-pod-1",
                call.source(),
                call.destination() + "-pod-1",
                call.destination(),
                call.operation(),
                "client " + call.operation(),
                start,
                caller,
                callee,
                false,
                Map.of(),
                new SpanCodeContext(
                        call.context(), Integer.toHexString(call.context().hashCode()), null, null),
                List.of(call.template()),
                null,
                null);
    }
}
