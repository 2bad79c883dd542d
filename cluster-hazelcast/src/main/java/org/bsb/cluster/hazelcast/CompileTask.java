package org.bsb.cluster.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.bsb.api.cluster.JobDescriptor;

/**
 * A compile job on its way to a member: the {@link JobDescriptor}'s fields written one by one (strings and longs,
 * Hazelcast's {@code IdentifiedDataSerializable}, so no Java deserialization and no class name on the wire). On the
 * member it finds the compile's {@link Served} handler in the member's user context and runs it; the answer is one
 * {@code byte[]}: a status byte ({@link #OK}, {@link #REFUSED}, {@link #FAILED}) then the result or a UTF-8 message
 * that names the member.
 */
final class CompileTask implements Callable<byte[]>, IdentifiedDataSerializable, HazelcastInstanceAware {
    static final int FACTORY_ID = 0x42534231; // "BSB1"
    static final int CLASS_ID = 1;
    static final String EXECUTOR = "bsbcompile.jobs";
    static final String MAPS = "bsbcompile.*";
    static final String HANDLER = "bsb.compile.handler";
    static final byte OK = 0;
    static final byte REFUSED = 1;
    static final byte FAILED = 2;

    private JobDescriptor job;
    private transient HazelcastInstance hz;

    CompileTask() {}

    CompileTask(JobDescriptor job) {
        this.job = job;
    }

    JobDescriptor job() {
        return job;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
        this.hz = hz;
    }

    @Override
    public byte[] call() {
        Object served = hz == null ? null : hz.getUserContext().get(HANDLER);
        if (!(served instanceof Served s)) {
            return answer(FAILED, "member " + hz + " serves no compile: it cannot run " + job.describe());
        }
        return s.run(job);
    }

    /** A status byte and a payload. */
    static byte[] answer(byte status, byte[] payload) {
        byte[] out = new byte[payload.length + 1];
        out[0] = status;
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }

    static byte[] answer(byte status, String message) {
        return answer(status, message.getBytes(StandardCharsets.UTF_8));
    }

    static byte status(byte[] answer) {
        return answer[0];
    }

    static byte[] payload(byte[] answer) {
        return Arrays.copyOfRange(answer, 1, answer.length);
    }

    static String message(byte[] answer) {
        return new String(answer, 1, answer.length - 1, StandardCharsets.UTF_8);
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(job.phase());
        out.writeString(job.name());
        out.writeString(job.strategy());
        out.writeLong(job.chunk());
        out.writeLong(job.seed());
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        job = new JobDescriptor(in.readString(), in.readString(), in.readString(), in.readLong(), in.readLong());
    }

    /** The one class this factory makes; any other id is refused. */
    static final class Factory implements DataSerializableFactory {
        @Override
        public IdentifiedDataSerializable create(int typeId) {
            if (typeId != CLASS_ID) {
                throw new IllegalArgumentException("unknown compile message type " + typeId);
            }
            return new CompileTask();
        }
    }

    /** What a member runs jobs with: the compile's handler and this member's name for messages. */
    interface Served {
        byte[] run(JobDescriptor job);
    }
}
