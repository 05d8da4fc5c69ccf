/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG of one NAB series: the values, its anomaly windows shaded, and the rows alarmed at a
 * threshold.
 */
public final class NabPlot {

    private NabPlot() {}

    public static Path write(
            Path dir, String detector, NabSeries series, double[] scores, double threshold)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        int n = series.values().length;
        double[] x = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            x[t] = t;
            max = Math.max(max, series.values()[t]);
        }
        XYChart chart =
                new XYChartBuilder()
                        .width(1600)
                        .height(500)
                        .title(
                                series.relativePath()
                                        + " — "
                                        + detector
                                        + ", alarms at the standard-profile threshold "
                                        + String.format(java.util.Locale.ROOT, "%.4f", threshold))
                        .xAxisTitle(
                                "row (probationary rows: first "
                                        + NabScorer.probationaryLength(n)
                                        + ")")
                        .yAxisTitle("value")
                        .build();
        chart.getStyler().setMarkerSize(5);
        for (int i = 0; i < series.windows().size(); i++) {
            int[] w = series.windows().get(i);
            XYSeries s =
                    chart.addSeries(
                            "anomaly window " + (i + 1),
                            new double[] {w[0], w[1]},
                            new double[] {max, max});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            s.setFillColor(new Color(255, 120, 0, 60));
            s.setLineColor(new Color(255, 120, 0, 60));
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(i == 0);
        }
        XYSeries values = chart.addSeries("value", x, series.values());
        values.setMarker(SeriesMarkers.NONE);
        values.setLineColor(new Color(40, 80, 160));
        List<Double> ax = new ArrayList<>();
        List<Double> ay = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (scores[t] >= threshold && scores[t] > 0) {
                ax.add((double) t);
                ay.add(series.values()[t]);
            }
        }
        if (ax.isEmpty() == false) {
            XYSeries alarms = chart.addSeries("alarm", ax, ay);
            alarms.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            alarms.setMarker(SeriesMarkers.CIRCLE);
            alarms.setMarkerColor(Color.RED);
        }
        Files.createDirectories(dir.resolve(series.category()));
        Path png = dir.resolve(series.category()).resolve(detector + "_" + series.name() + ".png");
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return png;
    }
}
