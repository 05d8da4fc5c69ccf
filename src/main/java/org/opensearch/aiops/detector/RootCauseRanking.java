/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * What {@code _root_cause} shows: the pods and services of a trace detector's call events in a
 * range, ranked by their part in the anomalous events.
 *
 * @param anomalousEvents the anomalous event results in the range
 * @param events every event result in the range
 */
public record RootCauseRanking(
        String detectorId,
        long from,
        long to,
        long anomalousEvents,
        long events,
        List<Suspect> pods,
        List<Suspect> services)
        implements Writeable, ToXContentObject {

    /**
     * How many event results touch a pod or service (as caller or callee), and how many are
     * anomalous.
     */
    public record Counts(String name, String service, long anomalous, long events) {}

    /**
     * A ranked pod or service.
     *
     * @param service a pod's service; null for a service
     * @param share its part of all anomalous events
     * @param rate the part of its own events that are anomalous
     * @param score {@code share * rate}
     */
    public record Suspect(
            String name,
            String service,
            double score,
            double share,
            double rate,
            long anomalous,
            long events)
            implements Writeable {

        Suspect(StreamInput in) throws IOException {
            this(
                    in.readString(),
                    in.readOptionalString(),
                    in.readDouble(),
                    in.readDouble(),
                    in.readDouble(),
                    in.readVLong(),
                    in.readVLong());
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            out.writeString(name);
            out.writeOptionalString(service);
            out.writeDouble(score);
            out.writeDouble(share);
            out.writeDouble(rate);
            out.writeVLong(anomalous);
            out.writeVLong(events);
        }

        private void toXContent(XContentBuilder builder, String nameField) throws IOException {
            builder.startObject().field(nameField, name);
            if (service != null) {
                builder.field("service", service);
            }
            builder.field("score", score)
                    .field("share", share)
                    .field("rate", rate)
                    .field("anomalous", anomalous)
                    .field("events", events)
                    .endObject();
        }
    }

    private static final Comparator<Suspect> ORDER =
            Comparator.comparingDouble(Suspect::score)
                    .reversed()
                    .thenComparing(Comparator.comparingLong(Suspect::anomalous).reversed())
                    .thenComparing(Suspect::name);

    public RootCauseRanking {
        pods = List.copyOf(pods);
        services = List.copyOf(services);
    }

    public RootCauseRanking(StreamInput in) throws IOException {
        this(
                in.readString(),
                in.readLong(),
                in.readLong(),
                in.readVLong(),
                in.readVLong(),
                in.readList(Suspect::new),
                in.readList(Suspect::new));
    }

    /**
     * The {@code size} most suspect of {@code counts}, by {@code share * rate}, ties by anomalous
     * count. The product favours the pod with the fault over a busy hub: the hub touches many
     * anomalous events (high share) but far more normal ones (low rate). Names without anomalous
     * events are left out: they had no part in the anomaly.
     */
    public static List<Suspect> rank(List<Counts> counts, long anomalousEvents, int size) {
        return counts.stream()
                .filter(c -> c.anomalous() > 0)
                .map(
                        c -> {
                            double share =
                                    anomalousEvents == 0
                                            ? 0
                                            : c.anomalous() / (double) anomalousEvents;
                            double rate = c.events() == 0 ? 0 : c.anomalous() / (double) c.events();
                            return new Suspect(
                                    c.name(),
                                    c.service(),
                                    share * rate,
                                    share,
                                    rate,
                                    c.anomalous(),
                                    c.events());
                        })
                .sorted(ORDER)
                .limit(size)
                .toList();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(detectorId);
        out.writeLong(from);
        out.writeLong(to);
        out.writeVLong(anomalousEvents);
        out.writeVLong(events);
        out.writeList(pods);
        out.writeList(services);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject()
                .field("detector_id", detectorId)
                .field("from", from)
                .field("to", to)
                .field("anomalous_events", anomalousEvents)
                .field("events", events)
                .startArray("pods");
        for (Suspect pod : pods) {
            pod.toXContent(builder, "pod");
        }
        builder.endArray().startArray("services");
        for (Suspect service : services) {
            service.toXContent(builder, "service");
        }
        return builder.endArray().endObject();
    }
}
