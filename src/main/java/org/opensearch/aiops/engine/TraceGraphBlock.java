/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The trace graph network for one batch of call events (a temporal graph network in the manner of
 * DGCEC-MAD): time encoding cos(w·Δt + b); messages MLP(s_self, s_other, τ, A) averaged per node;
 * node memory updated by a GRU; two layers of two-head graph attention whose keys and values hold
 * the neighbour's representation, the edge's attributes and its time encoding (residual + layer
 * norm); a link decoder over (h_s, h_d, A); an autoencoder over [h_s ‖ KPI_s ‖ h_d ‖ KPI_d ‖ A].
 *
 * <p>Graph operations are dense matrix products with incidence and selection matrices: a batch
 * holds at most a few hundred nodes and events, where a dense product is cheaper than gathers and
 * is differentiable everywhere.
 *
 * <p>Inputs (see {@link TraceGraphNetwork.EventBatch}): memory [N, M], service features [N, S],
 * source and destination incidence [N, E], source, destination and negative-destination selection
 * [E, N], attributes [E, A], Δt [E, 1], KPIs [E, 2K], attribute noise ε [E, A]. Outputs: the joint
 * loss (a scalar), the updated memory [N, M], the squared reconstruction error per input dimension
 * [E, X], the link probability of each real event [E].
 */
final class TraceGraphBlock extends AbstractBlock {

    static final int HEADS = 2;
    static final int LAYERS = 2;
    private static final int CODE = 8;

    private final TraceGraphNetwork.Dims dims;
    private final Linear time;
    private final Linear message;
    private final Linear messageOut;
    private final Linear gruInput;
    private final Linear gruHidden;
    private final Linear nodeIn;
    private final Linear[] query = new Linear[LAYERS];
    private final Linear[] key = new Linear[LAYERS];
    private final Linear[] value = new Linear[LAYERS];
    private final Linear[] out = new Linear[LAYERS];
    private final Linear link;
    private final Linear linkOut;
    private final Linear encoder;
    private final Linear code;
    private final Linear decoder;
    private final Linear reconstruction;
    private float alpha = 0.3f;
    private float beta = 0.7f;

    TraceGraphBlock(TraceGraphNetwork.Dims dims) {
        super((byte) 1);
        this.dims = dims;
        int m = dims.memory();
        int h = dims.embedding();
        time = addChildBlock("time", linear(dims.time()));
        message = addChildBlock("message", linear(m));
        messageOut = addChildBlock("message_out", linear(m));
        gruInput = addChildBlock("gru_input", linear(3 * m));
        gruHidden = addChildBlock("gru_hidden", linear(3 * m));
        nodeIn = addChildBlock("node_in", linear(h));
        for (int l = 0; l < LAYERS; l++) {
            query[l] = addChildBlock("query_" + l, linear(h));
            key[l] = addChildBlock("key_" + l, linear(h));
            value[l] = addChildBlock("value_" + l, linear(h));
            out[l] = addChildBlock("out_" + l, linear(h));
        }
        link = addChildBlock("link", linear(h));
        linkOut = addChildBlock("link_out", linear(1));
        encoder = addChildBlock("encoder", linear(2 * CODE * 2));
        code = addChildBlock("code", linear(CODE));
        decoder = addChildBlock("decoder", linear(2 * CODE * 2));
        reconstruction = addChildBlock("reconstruction", linear(dims.fused()));
    }

    /** Loss weights: α for link prediction, β for reconstruction. */
    void lossWeights(float linkWeight, float reconstructionWeight) {
        this.alpha = linkWeight;
        this.beta = reconstructionWeight;
    }

    private static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        int m = dims.memory();
        int h = dims.embedding();
        int t = dims.time();
        int a = dims.attributes();
        time.initialize(manager, dataType, new Shape(1, 1));
        message.initialize(manager, dataType, new Shape(1, 2 * m + t + a));
        messageOut.initialize(manager, dataType, new Shape(1, m));
        gruInput.initialize(manager, dataType, new Shape(1, m));
        gruHidden.initialize(manager, dataType, new Shape(1, m));
        nodeIn.initialize(manager, dataType, new Shape(1, m + dims.services()));
        for (int l = 0; l < LAYERS; l++) {
            query[l].initialize(manager, dataType, new Shape(1, h));
            key[l].initialize(manager, dataType, new Shape(1, h + a + t));
            value[l].initialize(manager, dataType, new Shape(1, h + a + t));
            out[l].initialize(manager, dataType, new Shape(1, h));
        }
        link.initialize(manager, dataType, new Shape(1, 2 * h + a));
        linkOut.initialize(manager, dataType, new Shape(1, h));
        encoder.initialize(manager, dataType, new Shape(1, dims.fused()));
        code.initialize(manager, dataType, new Shape(1, 2 * CODE * 2));
        decoder.initialize(manager, dataType, new Shape(1, CODE));
        reconstruction.initialize(manager, dataType, new Shape(1, 2 * CODE * 2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        long e = inputShapes[6].get(0);
        return new Shape[] {
            new Shape(), new Shape(n, dims.memory()), new Shape(e, dims.fused()), new Shape(e)
        };
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray memory = inputs.get(0);
        NDArray services = inputs.get(1);
        NDArray sourceOf = inputs.get(2);
        NDArray destinationOf = inputs.get(3);
        NDArray sourceSel = inputs.get(4);
        NDArray destinationSel = inputs.get(5);
        NDArray negativeSel = inputs.get(6);
        NDArray attributes = inputs.get(7);
        NDArray dt = inputs.get(8);
        NDArray kpis = inputs.get(9);
        NDArray noise = inputs.get(10);

        NDArray tau = timeEncoding(ps, dt, training);
        // Messages to each endpoint from the memory before this batch, averaged per node.
        NDArray sMem = sourceSel.matMul(memory);
        NDArray dMem = destinationSel.matMul(memory);
        NDArray toSource =
                messageMlp(
                        ps, NDArrays.concat(new NDList(sMem, dMem, tau, attributes), 1), training);
        NDArray toDestination =
                messageMlp(
                        ps, NDArrays.concat(new NDList(dMem, sMem, tau, attributes), 1), training);
        NDArray degree =
                sourceOf.sum(new int[] {1}, true)
                        .add(destinationOf.sum(new int[] {1}, true))
                        .maximum(1f);
        NDArray aggregated =
                sourceOf.matMul(toSource).add(destinationOf.matMul(toDestination)).div(degree);
        NDArray updated = gru(ps, aggregated, memory, training);

        NDArray h = apply(nodeIn, ps, NDArrays.concat(new NDList(updated, services), 1), training);
        NDArray mask = NDArrays.concat(new NDList(sourceOf, destinationOf), 1);
        NDArray edge = NDArrays.concat(new NDList(attributes, tau), 1);
        for (int l = 0; l < LAYERS; l++) {
            h =
                    layerNorm(
                            h.add(
                                    attention(
                                            ps,
                                            l,
                                            h,
                                            sourceSel,
                                            destinationSel,
                                            edge,
                                            mask,
                                            training)));
        }
        NDArray hs = sourceSel.matMul(h);
        NDArray hd = destinationSel.matMul(h);

        NDArray positive = linkLogit(ps, hs, hd, attributes, training);
        NDArray randomDestination = linkLogit(ps, hs, negativeSel.matMul(h), attributes, training);
        NDArray perturbed = linkLogit(ps, hs, hd, attributes.mul(noise.add(1f)), training);
        NDArray linkLoss =
                Activation.softPlus(positive.neg())
                        .mean()
                        .add(Activation.softPlus(randomDestination).mean().mul(0.5f))
                        .add(Activation.softPlus(perturbed).mean().mul(0.5f));

        int k = dims.kpis();
        NDArray kpiSource = kpis.get(":, 0:" + k);
        NDArray kpiDestination = kpis.get(":, " + k + ":");
        NDArray fused =
                NDArrays.concat(new NDList(hs, kpiSource, hd, kpiDestination, attributes), 1);
        NDArray z = Activation.relu(apply(encoder, ps, fused, training));
        z = apply(code, ps, z, training);
        NDArray restored =
                apply(
                        reconstruction,
                        ps,
                        Activation.relu(apply(decoder, ps, z, training)),
                        training);
        NDArray errors = restored.sub(fused).square();
        NDArray loss = linkLoss.mul(alpha).add(errors.mean().mul(beta));
        return new NDList(loss, updated, errors, sigmoid(positive.squeeze(1)));
    }

    /** τ = cos(w·Δt + b), w and b learnt: one value per time dimension. */
    NDArray timeEncoding(ParameterStore ps, NDArray dt, boolean training) {
        return apply(time, ps, dt, training).cos();
    }

    float[] timeWeights() {
        return time.getParameters().get("weight").getArray().toFloatArray();
    }

    float[] timeBias() {
        return time.getParameters().get("bias").getArray().toFloatArray();
    }

    private NDArray messageMlp(ParameterStore ps, NDArray x, boolean training) {
        return apply(messageOut, ps, Activation.relu(apply(message, ps, x, training)), training);
    }

    /** GRU cell: z, r gates and candidate from the aggregated message x and the memory s. */
    private NDArray gru(ParameterStore ps, NDArray x, NDArray s, boolean training) {
        int m = dims.memory();
        NDArray gx = apply(gruInput, ps, x, training);
        NDArray gh = apply(gruHidden, ps, s, training);
        NDArray r = sigmoid(gx.get(":, " + m + ":" + 2 * m).add(gh.get(":, " + m + ":" + 2 * m)));
        NDArray candidate =
                gx.get(":, " + 2 * m + ":").add(r.mul(gh.get(":, " + 2 * m + ":"))).tanh();
        NDArray keep = sigmoid(gx.get(":, 0:" + m).add(gh.get(":, 0:" + m)));
        return keep.mul(s).add(keep.neg().add(1f).mul(candidate));
    }

    private static NDArray sigmoid(NDArray x) {
        return Activation.sigmoid(x);
    }

    /**
     * Multi-head attention of every node over its events in the batch: as a source the neighbour is
     * the event's destination, as a destination its source.
     */
    private NDArray attention(
            ParameterStore ps,
            int l,
            NDArray h,
            NDArray sourceSel,
            NDArray destinationSel,
            NDArray edge,
            NDArray mask,
            boolean training) {
        int e = (int) edge.getShape().get(0);
        int n = (int) h.getShape().get(0);
        int d = dims.embedding() / HEADS;
        NDArray asSource = NDArrays.concat(new NDList(destinationSel.matMul(h), edge), 1);
        NDArray asDestination = NDArrays.concat(new NDList(sourceSel.matMul(h), edge), 1);
        NDArray neighbours = NDArrays.concat(new NDList(asSource, asDestination), 0); // [2E, H+A+T]
        NDArray q = apply(query[l], ps, h, training).reshape(n, HEADS, d).transpose(1, 0, 2);
        NDArray k =
                apply(key[l], ps, neighbours, training).reshape(2 * e, HEADS, d).transpose(1, 2, 0);
        NDArray v =
                apply(value[l], ps, neighbours, training)
                        .reshape(2 * e, HEADS, d)
                        .transpose(1, 0, 2);
        NDArray logits = q.matMul(k).div((float) Math.sqrt(d)); // [heads, N, 2E]
        logits = logits.add(mask.sub(1f).mul(1e9f).expandDims(0));
        NDArray weights = logits.softmax(2);
        NDArray attended = weights.matMul(v).transpose(1, 0, 2).reshape(n, HEADS * d);
        return apply(out[l], ps, attended, training);
    }

    private NDArray linkLogit(
            ParameterStore ps, NDArray hs, NDArray hd, NDArray a, boolean training) {
        NDArray x = NDArrays.concat(new NDList(hs, hd, a), 1);
        return apply(linkOut, ps, Activation.relu(apply(link, ps, x, training)), training);
    }

    private static NDArray layerNorm(NDArray x) {
        NDArray centred = x.sub(x.mean(new int[] {1}, true));
        return centred.div(centred.square().mean(new int[] {1}, true).add(1e-5f).sqrt());
    }

    private static NDArray apply(Linear layer, ParameterStore ps, NDArray x, boolean training) {
        return layer.forward(ps, new NDList(x), training).singletonOrThrow();
    }
}
