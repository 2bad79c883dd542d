package org.bsb.neuron.cable;

/**
 * Segment areas, axial resistances and diameters of one section from its 3-D points, computed
 * the way NEURON does: points stored as float32, arc lengths accumulated in double from float
 * differences, and trapezoidal (frustum) integration over each half segment, so that the
 * numbers agree with NEURON's {@code seg.area()} and {@code seg.ri()} to rounding.
 *
 * @param length section length L (µm), the arc length of the last point
 * @param area membrane area of each segment (µm²)
 * @param ri resistance (MΩ) between each segment's node and its parent node; index
 *     {@code nseg} is the section's 1-end node (right half of the last segment)
 * @param diam mean diameter of each segment (µm)
 */
public record SectionGeometry(double length, double[] area, double[] ri, double[] diam) {

    /** NEURON's number of segments rule used by arborize: {@code int(L // 10 + 1)}. */
    public static int nsegFor(double length) {
        return (int) (Math.floor(length / 10.0) + 1);
    }

    /** Arc length of each point, as NEURON's {@code nrn_pt3dmodified}. */
    public static double[] arcs(float[] x, float[] y, float[] z) {
        double[] arc = new double[x.length];
        for (int i = 1; i < x.length; i++) {
            double t1 = x[i] - x[i - 1]; // float difference, then widened (as NEURON's C)
            double t2 = y[i] - y[i - 1];
            double t3 = z[i] - z[i - 1];
            arc[i] = arc[i - 1] + Math.sqrt(t1 * t1 + t2 * t2 + t3 * t3);
        }
        return arc;
    }

    /**
     * @param x,y,z,d point coordinates and diameters as stored (float32), at least 2 points
     * @param nseg number of segments
     * @param ra axial resistivity Ra (Ω·cm)
     */
    public static SectionGeometry compute(float[] x, float[] y, float[] z, float[] d, int nseg, double ra) {
        int npt = x.length;
        if (npt < 2) {
            throw new IllegalArgumentException("a section needs at least 2 3-D points, got " + npt);
        }
        double[] arc = arcs(x, y, z);
        double length = arc[npt - 1];
        double[] area = new double[nseg];
        double[] ri = new double[nseg + 1];
        double[] diam = new double[nseg];
        double ds = length / nseg;
        // integration state carried across segments (the running point j and last (x1, y1))
        int j = 0;
        double x1 = arc[0];
        double y1 = Math.abs(d[0]);
        double rparent = 0.0;
        double rfactor = ra / Math.PI * (4.0 * 0.01);
        for (int inode = 0; inode < nseg; inode++) {
            double si = inode * ds;
            double dsum = 0.0;
            double asum = 0.0;
            double rleft = 0.0;
            double rright = 0.0;
            for (int half = 0; half < 2; half++) {
                double r = 0.0;
                double sip = si + ds / 2.0;
                while (true) {
                    int jp = j + 1;
                    double xj = arc[j];
                    double xjp = arc[jp];
                    double x2;
                    double y2;
                    int jnext;
                    if (xjp > sip || jp == npt - 1) {
                        double frac = Math.abs(xjp - xj) < 1e-10 ? 1.0 : (sip - xj) / (xjp - xj);
                        x2 = sip;
                        y2 = (1.0 - frac) * Math.abs(d[j]) + frac * Math.abs(d[jp]);
                        jnext = j;
                    } else {
                        x2 = xjp;
                        y2 = Math.abs(d[jp]);
                        jnext = jp;
                    }
                    double delta = x2 - x1;
                    dsum += (y2 + y1) * delta;
                    if (delta < 1e-15) {
                        delta = 1e-15;
                    }
                    double temp = y2 * y1 / delta;
                    if (temp == 0) {
                        temp = 1e-15;
                    }
                    r += 1 / temp;
                    temp = 0.5 * (y2 - y1);
                    temp = Math.sqrt(delta * delta + temp * temp);
                    asum += (y2 + y1) * temp;
                    x1 = x2;
                    y1 = y2;
                    if (j == jnext) {
                        break;
                    }
                    j = jnext;
                }
                if (half == 0) {
                    rleft = r * rfactor;
                } else {
                    rright = r * rfactor;
                }
                si = sip;
            }
            ri[inode] = rparent + rleft;
            rparent = rright;
            diam[inode] = dsum * 0.5 / ds;
            area[inode] = asum * 0.5 * Math.PI;
        }
        ri[nseg] = rparent;
        return new SectionGeometry(length, area, ri, diam);
    }
}
