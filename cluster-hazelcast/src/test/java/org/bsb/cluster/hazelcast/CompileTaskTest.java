package org.bsb.cluster.hazelcast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import org.bsb.api.cluster.JobDescriptor;
import org.junit.jupiter.api.Test;

/** A compile job's descriptor through Hazelcast's serialization: its fields only, by factory and class id. */
class CompileTaskTest {
    private final SerializationService serialization = new DefaultSerializationServiceBuilder()
            .addDataSerializableFactory(CompileTask.FACTORY_ID, new CompileTask.Factory())
            .build();

    @Test
    void theDescriptorCrossesAsItsFields() {
        JobDescriptor job = new JobDescriptor(JobDescriptor.CONNECTIVITY, "s_to_s", "bsb.connectivity.X", -42L, 7L);
        Data data = serialization.toData(new CompileTask(job));
        String bytes = new String(data.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(false, bytes.contains("org.bsb"), "no class name on the wire: " + bytes);
        CompileTask back = serialization.toObject(data);
        assertEquals(job, back.job());
    }

    @Test
    void answersCarryStatusAndPayload() {
        byte[] ok = CompileTask.answer(CompileTask.OK, new byte[] {9, 8});
        assertEquals(CompileTask.OK, CompileTask.status(ok));
        assertArrayEquals(new byte[] {9, 8}, CompileTask.payload(ok));
        byte[] refused = CompileTask.answer(CompileTask.REFUSED, "rank 1 (127.0.0.1:5702): no strategy 'x'");
        assertEquals(CompileTask.REFUSED, CompileTask.status(refused));
        assertEquals("rank 1 (127.0.0.1:5702): no strategy 'x'", CompileTask.message(refused));
    }

    @Test
    void theFactoryMakesOnlyTheTask() {
        assertThrows(IllegalArgumentException.class, () -> new CompileTask.Factory().create(2));
    }
}
