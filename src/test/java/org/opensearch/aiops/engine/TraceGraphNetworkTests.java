/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.engine;

import java.nio.file.Path;
import java.util.Random;

import org.opensearch.test.OpenSearchTestCase;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/** The trace graph network's samplers and time encoding on known inputs. */
public class TraceGraphNetworkTests extends OpenSearchTestCase {

    private static final TraceGraphNetwork.Dims DIMS = new TraceGraphNetwork.Dims(4, 1, 4, 4, 3, 2);

    private static TraceGraphNetwork.EventBatch batch(int nodes, int events) {
        int[] source = new int[events];
        int[] destination = new int[events];
        for (int i = 0; i < events; i++) {
            source[i] = 0;
            destination[i] = 1 + i % (nodes - 1);
        }
        float[] attributes = new float[events * DIMS.attributes()];
        java.util.Arrays.fill(attributes, 2f);
        return new TraceGraphNetwork.EventBatch(
                nodes,
                new float[nodes * DIMS.memory()],
                new float[nodes * DIMS.services()],
                source,
                destination,
                attributes,
                new float[events],
                new float[events * 2]);
    }

    private static DjlEngine engine() {
        String dir = System.getProperty("aiops.djl.cache");
        assertNotNull("run with ./aiops test (it fills the DJL cache)", dir);
        return DjlEngine.forCache(Path.of(dir), 1, 1);
    }

    /** Runs {@code test} with a manager of the engine's PyTorch, as the network does. */
    private static void withManager(java.util.function.Consumer<NDManager> test) throws Exception {
        engine().call(
                        () -> {
                            try (Model model = Model.newInstance("t", DjlEngine.PYTORCH)) {
                                test.accept(model.getNDManager());
                            }
                            return null;
                        });
    }

    public void testRandomDestinationNegativeIsAnotherNodeOfTheBatch() throws Exception {
        withManager(
                m -> {
                    TraceGraphNetwork.EventBatch batch = batch(5, 400);
                    NDList inputs = TraceGraphNetwork.inputs(m, DIMS, batch, new Random(1), 0.2f);
                    float[] negative = inputs.get(6).toFloatArray();
                    int[] seen = new int[5];
                    for (int e = 0; e < 400; e++) {
                        int chosen = -1;
                        for (int n = 0; n < 5; n++) {
                            if (negative[e * 5 + n] == 1f) {
                                assertEquals("one node per event", -1, chosen);
                                chosen = n;
                            }
                        }
                        assertNotEquals(
                                "never the real destination", batch.destination()[e], chosen);
                        seen[chosen]++;
                    }
                    for (int n = 0; n < 5; n++) {
                        assertTrue("node " + n + " drawn " + seen[n] + " times", seen[n] > 40);
                    }
                });
    }

    public void testAttributeNoiseHasStandardDeviationTheta() throws Exception {
        withManager(
                m -> {
                    NDList inputs =
                            TraceGraphNetwork.inputs(m, DIMS, batch(3, 2000), new Random(2), 0.2f);
                    float[] noise = inputs.get(10).toFloatArray();
                    double sum = 0, squares = 0;
                    for (float v : noise) {
                        sum += v;
                        squares += v * v;
                    }
                    double mean = sum / noise.length;
                    assertEquals(0, mean, 0.01);
                    assertEquals(0.2, Math.sqrt(squares / noise.length - mean * mean), 0.01);
                    NDList inference = TraceGraphNetwork.inputs(m, DIMS, batch(3, 10), null, 0.2f);
                    for (float v : inference.get(10).toFloatArray()) {
                        assertEquals("no perturbation when scoring", 0f, v, 0f);
                    }
                });
    }

    public void testTimeEncodingIsCosineOfAnAffineMapOfDeltaT() throws Exception {
        engine().call(
                        () -> {
                            try (Model model = Model.newInstance("t", DjlEngine.PYTORCH)) {
                                NDManager m = model.getNDManager();
                                TraceGraphBlock block = new TraceGraphBlock(DIMS);
                                block.initialize(m, DataType.FLOAT32, new Shape(2, DIMS.memory()));
                                float[] dt = {0f, 1.5f, 7f};
                                NDArray encoded =
                                        block.timeEncoding(
                                                new ParameterStore(m, false),
                                                m.create(dt, new Shape(3, 1)),
                                                false);
                                float[] w = block.timeWeights();
                                float[] b = block.timeBias();
                                float[] got = encoded.toFloatArray();
                                for (int e = 0; e < 3; e++) {
                                    for (int j = 0; j < DIMS.time(); j++) {
                                        assertEquals(
                                                Math.cos(w[j] * dt[e] + b[j]),
                                                got[e * DIMS.time() + j],
                                                1e-5);
                                    }
                                }
                            }
                            return null;
                        });
    }
}
