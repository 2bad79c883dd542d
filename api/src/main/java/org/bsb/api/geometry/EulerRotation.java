package org.bsb.api.geometry;

/**
 * A cell rotation as stored: Euler angles in degrees about the fixed x, y and z axes, applied in
 * that order (extrinsic {@code "xyz"}, as the original's {@code RotationSet}), about the origin:
 * {@code R = Rz(z) Ry(y) Rx(x)}.
 *
 * @param matrix row-major 3x3 rotation matrix
 */
public record EulerRotation(double[] matrix) {
    public static final EulerRotation IDENTITY = of(0, 0, 0);

    public static EulerRotation of(double xDeg, double yDeg, double zDeg) {
        double a = Math.toRadians(xDeg);
        double b = Math.toRadians(yDeg);
        double c = Math.toRadians(zDeg);
        double ca = Math.cos(a), sa = Math.sin(a);
        double cb = Math.cos(b), sb = Math.sin(b);
        double cc = Math.cos(c), sc = Math.sin(c);
        return new EulerRotation(new double[] {
            cc * cb,
            cc * sb * sa - sc * ca,
            cc * sb * ca + sc * sa,
            sc * cb,
            sc * sb * sa + cc * ca,
            sc * sb * ca - cc * sa,
            -sb,
            cb * sa,
            cb * ca
        });
    }

    /** From a stored (x, y, z) degrees triple. */
    public static EulerRotation of(double[] degrees) {
        return of(degrees[0], degrees[1], degrees[2]);
    }

    /** Whether the rotation leaves every point where it is. */
    public boolean isIdentity() {
        double[] m = matrix;
        return m[0] == 1 && m[4] == 1 && m[8] == 1 && m[1] == 0 && m[2] == 0 && m[3] == 0 && m[5] == 0 && m[6] == 0
                && m[7] == 0;
    }

    public EulerRotation inverse() {
        double[] m = matrix;
        return new EulerRotation(new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]});
    }

    /** {@code this} after {@code first}: the rotation that applies {@code first}, then this one. */
    public EulerRotation after(EulerRotation first) {
        double[] a = matrix, b = first.matrix, r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return new EulerRotation(r);
    }

    /** Rotates the point at {@code in[offset..offset+2]} into {@code out[outOffset..]}. */
    public void apply(double[] in, int offset, double[] out, int outOffset) {
        double x = in[offset], y = in[offset + 1], z = in[offset + 2];
        double[] m = matrix;
        out[outOffset] = m[0] * x + m[1] * y + m[2] * z;
        out[outOffset + 1] = m[3] * x + m[4] * y + m[5] * z;
        out[outOffset + 2] = m[6] * x + m[7] * y + m[8] * z;
    }

    public Point3 apply(Point3 p) {
        double[] out = new double[3];
        apply(p.toArray(), 0, out, 0);
        return new Point3(out[0], out[1], out[2]);
    }

    /** The axis-aligned box around the rotated 8 corners of {@code box}. */
    public Box apply(Box box) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] c = new double[3], r = new double[3];
        for (int k = 0; k < 8; k++) {
            c[0] = (k & 1) == 0 ? box.min().x() : box.max().x();
            c[1] = (k & 2) == 0 ? box.min().y() : box.max().y();
            c[2] = (k & 4) == 0 ? box.min().z() : box.max().z();
            apply(c, 0, r, 0);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], r[a]);
                hi[a] = Math.max(hi[a], r[a]);
            }
        }
        return new Box(new Point3(lo[0], lo[1], lo[2]), new Point3(hi[0], hi[1], hi[2]));
    }
}
