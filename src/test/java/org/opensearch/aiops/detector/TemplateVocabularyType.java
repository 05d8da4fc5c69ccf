/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;

import org.opensearch.aiops.detector.input.DetectorInput;
import org.opensearch.aiops.detector.input.TemplateSession;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/**
 * A minimal shared-model type over sequences, to test the platform's shared path on a node: the
 * model is the set of template ids seen in training sessions; a session's score is its share of
 * templates never seen, each named as a contribution with its position. Test code only.
 */
final class TemplateVocabularyType
        implements SharedDetectorType<TemplateVocabularyType.Params, TemplateSession> {

    static final String NAME = "test_vocabulary";

    record Params(int minSessions) implements DetectorParams {
        @Override
        public String getWriteableName() {
            return NAME;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            out.writeVInt(minSessions);
        }

        @Override
        public XContentBuilder toXContent(XContentBuilder builder, Params params)
                throws IOException {
            return builder.startObject().field("min_sessions", minSessions).endObject();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DetectorInput input() {
        return DetectorInput.SEQUENCES;
    }

    @Override
    public ResultUnit unit() {
        return ResultUnit.SESSION;
    }

    @Override
    public Class<Params> paramsClass() {
        return Params.class;
    }

    @Override
    public Params parseParams(XContentParser parser) throws IOException {
        Object value = parser.map().get("min_sessions");
        return new Params(value == null ? 1 : ((Number) value).intValue());
    }

    @Override
    public Params defaultParams() {
        return new Params(1);
    }

    @Override
    public Writeable.Reader<Params> paramsReader() {
        return in -> new Params(in.readVInt());
    }

    @Override
    public int minTrainingUnits(Params params) {
        return params.minSessions();
    }

    @Override
    public long estimateTrainingBytes(Params params, long units) {
        return units * 64;
    }

    @Override
    public SharedModel<TemplateSession> train(
            Params params, List<TemplateSession> units, DoubleConsumer progress) {
        Set<String> known = new LinkedHashSet<>();
        for (int i = 0; i < units.size(); i++) {
            known.addAll(units.get(i).templateIds());
            progress.accept((i + 1) / (double) units.size());
        }
        return new Vocabulary(known);
    }

    @Override
    public SharedModel<TemplateSession> read(byte[] bytes) {
        return new Vocabulary(
                new LinkedHashSet<>(
                        List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"))));
    }

    private record Vocabulary(Set<String> known) implements SharedModel<TemplateSession> {

        @Override
        public DetectorScore score(TemplateSession session) {
            long unseen =
                    session.templateIds().stream().filter(t -> known.contains(t) == false).count();
            double score = unseen / (double) session.size();
            return new DetectorScore(score, score, unseen, null, null);
        }

        @Override
        public List<Contribution> contributions(TemplateSession session, DetectorScore score) {
            List<Contribution> unseen = new ArrayList<>();
            for (int i = 0; i < session.size(); i++) {
                String template = session.templateIds().get(i);
                if (known.contains(template) == false) {
                    unseen.add(
                            new Contribution(
                                    Contribution.Kind.TEMPLATE, template, 1.0 / session.size(), i));
                }
            }
            return unseen;
        }

        /** Training sessions hold only known templates: every training score is 0. */
        @Override
        public double threshold(ThresholdSpec spec) {
            return 0;
        }

        @Override
        public ScoreSummary trainingScores() {
            return new ScoreSummary(1, 0, 0, 0, 0, 0, null);
        }

        @Override
        public long ramBytes() {
            return 64L * known.size();
        }

        @Override
        public byte[] toBytes() {
            return String.join("\n", known).getBytes(StandardCharsets.UTF_8);
        }
    }
}
