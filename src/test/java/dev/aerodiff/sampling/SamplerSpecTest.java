package dev.aerodiff.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.CosineSchedule;
import dev.aerodiff.diffusion.TimeGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplerSpecTest {

    @Test
    void formsMapToSamplersWithTheirDefaults() {
        assertInstanceOf(DdpmSampler.class, SamplerSpec.parse("ddpm").sampler());
        assertEquals(200, SamplerSpec.parse("ddpm").steps());
        assertEquals(50, SamplerSpec.parse("ddim").steps());
        assertEquals(0.5, ((DdimSampler) SamplerSpec.parse("ddim:20:0.5").sampler()).eta());
        assertEquals(20, SamplerSpec.parse("euler").steps());
        assertInstanceOf(EulerSampler.class, SamplerSpec.parse("euler:20").sampler());
        assertInstanceOf(HeunSampler.class, SamplerSpec.parse("heun:10").sampler());
        assertInstanceOf(ReverseSdeSampler.class, SamplerSpec.parse("sde-euler:500").sampler());
        assertEquals(500, SamplerSpec.parse("sde-euler").steps());
        OdeSampler dopri = (OdeSampler) SamplerSpec.parse("ode-dopri5:1e-4").sampler();
        assertEquals(OdeMethod.DOPRI5, dopri.method());
        assertEquals(1e-4, dopri.options().tolerance());
        assertEquals(OdeSampler.Mode.PER_SAMPLE, dopri.options().mode());
        assertEquals(1e-5, SamplerSpec.parse("ode-dop853").tolerance());
        assertEquals(OdeMethod.GBS, ((OdeSampler) SamplerSpec.parse("ode-gbs").sampler()).method());
        OdeSampler rk4 = (OdeSampler) SamplerSpec.parse("ode-rk4:40").sampler();
        assertEquals(OdeMethod.RK4, rk4.method());
        assertEquals(OdeSampler.Mode.BATCHED, rk4.options().mode());
        assertEquals(40, SamplerSpec.parse("ode-adams").steps());
        assertEquals(OdeMethod.ADAMS, ((OdeSampler) SamplerSpec.parse("ode-adams:40").sampler()).method());
    }

    @Test
    void stepsOverrideWhereTheyApplyAndGridsFollow() {
        CosineSchedule cosine = new CosineSchedule();
        assertEquals(TimeGrid.discrete(100), SamplerSpec.parse("ddpm").withSteps(100).grid(cosine));
        TimeGrid ddim = SamplerSpec.parse("ddim:50").withSteps(8).grid(cosine);
        assertEquals(8, ddim.steps());
        assertEquals(cosine.tMax(), ddim.start());
        assertEquals(0.0, ddim.end());
        SamplerSpec dopri = SamplerSpec.parse("ode-dopri5");
        assertEquals(dopri, dopri.withSteps(30), "adaptive samplers take no step count");
        assertEquals("ddim:8", SamplerSpec.parse("ddim:50").withSteps(8).toString());
        assertEquals("ode-dopri5:1.0E-4", SamplerSpec.parse("ode-dopri5:1e-4").toString());
        assertEquals(SamplerSpec.parse("ddim:20:0.5"), SamplerSpec.parse(SamplerSpec.parse("ddim:20:0.5").toString()));
    }

    @Test
    void odeSamplersTakeScaledVariables() {
        OdeSampler dopri = (OdeSampler) SamplerSpec.parse("ode-dopri5:1e-2:scaled").sampler();
        assertEquals(ProbabilityFlowOde.Variables.SCALED, dopri.options().variables());
        assertEquals(1e-2, dopri.options().tolerance());
        assertEquals(OdeSampler.Mode.PER_SAMPLE, dopri.options().mode());
        assertEquals(ProbabilityFlowOde.Variables.STATE,
                ((OdeSampler) SamplerSpec.parse("ode-dopri5:1e-2").sampler()).options().variables());
        SamplerSpec rk4 = SamplerSpec.parse("ode-rk4:scaled");
        assertEquals(40, rk4.steps());
        assertEquals(ProbabilityFlowOde.Variables.SCALED, ((OdeSampler) rk4.sampler()).options().variables());
        assertEquals("ode-rk4:12:scaled", rk4.withSteps(12).toString());
        assertEquals(SamplerSpec.parse("ode-gbs:0.001:scaled"), SamplerSpec.parse(SamplerSpec.parse("ode-gbs:1e-3:scaled")
                .toString()));
        assertThrows(IllegalArgumentException.class, () -> SamplerSpec.parse("ddim:20:scaled"));
        assertThrows(IllegalArgumentException.class, () -> SamplerSpec.parse("euler:scaled"));
        assertThrows(IllegalArgumentException.class, () -> SamplerSpec.parse("ode-dopri5:1e-2:scaled:scaled"));
        assertTrue(SamplerSpec.validForms().contains("ode-dopri5[:TOL][:scaled]"), SamplerSpec.validForms());
    }

    @Test
    void fixedStepKindsTakeAGridExponent() {
        CosineSchedule cosine = new CosineSchedule();
        SamplerSpec ddim = SamplerSpec.parse("ddim:20:1:rho=2");
        assertEquals(1.0, ddim.eta());
        assertEquals(2.0, ddim.rho());
        assertEquals(TimeGrid.power(20, cosine.tMax(), 2.0), ddim.grid(cosine));
        assertEquals(TimeGrid.power(12, cosine.tMax(), 2.0), ddim.withSteps(12).grid(cosine));
        assertEquals(ddim, SamplerSpec.parse(ddim.toString()));
        assertEquals("euler:10:rho=3", SamplerSpec.parse("euler:10:rho=3").toString());
        assertEquals("ddim:50:1:rho=0.5", SamplerSpec.parse("ddim:50:1.0:rho=0.50").toString(),
                "as a bundle records it");
        assertEquals(50, SamplerSpec.parse("ddim:rho=2").steps());
        assertEquals(SamplerSpec.parse("heun:10").grid(cosine), SamplerSpec.parse("heun:10:rho=1").grid(cosine));
        assertEquals(3.0, SamplerSpec.parse("sde-euler:100:rho=3").rho());
        for (String bad : new String[] {"ddpm:200:rho=2", "ode-rk4:40:rho=2", "ode-dopri5:rho=2", "ddim:20:1:rho=0",
            "euler:20:rho=x", "euler:20:1:rho=2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplerSpec.parse(bad));
            String message = e.getMessage();
            assertTrue(message.contains("rho") || message.contains("too many"), bad + ": " + message);
        }
        assertTrue(SamplerSpec.validForms().contains("ddim[:N[:ETA]][:rho=R]"), SamplerSpec.validForms());
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplerSpec.parse("dpm++"));
        for (String name : new String[] {"ddpm", "ddim", "euler", "heun", "ode-dopri5", "ode-dop853", "ode-rk4",
            "ode-gbs", "ode-adams", "sde-euler"}) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertTrue(e.getMessage().startsWith("unknown sampler 'dpm++'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ddim:x", "ddim:0", "ode-rk4:-3", "ode-dopri5:0", "ode-dopri5:abc", "euler:10:2",
        "ddim:10:2", "heun:", "sde-euler:1:2"})
    void badNumbersAreRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplerSpec.parse(text));
        assertTrue(e.getMessage().contains("sampler") || e.getMessage().contains("eta"), e.getMessage());
    }
}
